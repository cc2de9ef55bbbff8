import { Badge, Group, List, Paper, Stack, Table, Text, Title } from '@mantine/core'
import type { SelfCheckSummary, SummaryLine } from '../../domain/self-check'

function AnswerTable({ caption, lines }: { caption: string; lines: SummaryLine[] }) {
  return (
    <Table withTableBorder verticalSpacing={6} fz="sm" aria-label={caption}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{caption}</Table.Th>
          <Table.Th w="35%">Answer</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {lines.map((line) => (
          <Table.Tr key={line.question}>
            <Table.Td>{line.question}</Table.Td>
            <Table.Td fw={500}>{line.answer}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}

/**
 * The self-check as a summary to bring to a provider — the same view for the visitor who printed it
 * and the clinic that received it. It reports answers and the PHQ-9 score; it never gives a verdict.
 */
export function SelfCheckSummaryView({
  summary,
  completedAt,
  heading = 'My self-check summary',
}: {
  summary: SelfCheckSummary
  completedAt: Date
  heading?: string
}) {
  const { score } = summary
  return (
    <Paper
      withBorder
      radius="md"
      p={{ base: 'sm', sm: 'lg' }}
      className="self-check-summary"
      data-testid="self-check-summary"
    >
      <Stack gap="md">
        <Stack gap={2}>
          <Title order={2}>{heading}</Title>
          <Text size="sm" c="dark.6">
            Filled in on {completedAt.toLocaleDateString(undefined, { dateStyle: 'long' })}. These are answers
            to talk over with a health worker. This is not a diagnosis, and it does not say what treatment to
            have.
          </Text>
        </Stack>
        <Group gap="sm" align="baseline">
          <Text fw={600}>PHQ-9 depression score:</Text>
          <Text fw={700} fz="xl" data-testid="summary-phq9-total">
            {score.total} of 27
          </Text>
          {score.band && (
            <Badge variant="light" color="gray" size="lg">
              {score.band.label}
            </Badge>
          )}
          {summary.hasSelfHarmThoughts && (
            <Badge color="red" variant="filled" size="lg">
              Thoughts of death or self-harm
            </Badge>
          )}
        </Group>
        <Stack gap={4}>
          <Text fw={600}>Things to talk about with your provider:</Text>
          <List size="sm" spacing={4}>
            {summary.talkingPoints.map((point) => (
              <List.Item key={point}>{point}</List.Item>
            ))}
          </List>
        </Stack>
        <AnswerTable
          caption="In the last 2 weeks, how often were you bothered by…"
          lines={summary.phq9Lines}
        />
        <AnswerTable caption="Treatment so far" lines={summary.historyLines} />
        <AnswerTable caption="Health and safety" lines={summary.safetyLines} />
        <Text size="xs" c="dark.6">
          What PHQ-9 scores mean: 0 to 4 none or very little, 5 to 9 mild, 10 to 14 moderate, 15 to 19 fairly
          severe, 20 to 27 severe. The PHQ-9 is a short form to spot depression. Only a clinician can tell how
          bad your depression is.
        </Text>
      </Stack>
    </Paper>
  )
}
