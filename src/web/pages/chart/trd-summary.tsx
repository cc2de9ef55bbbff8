import { Badge, Group, List, Paper, SimpleGrid, Stack, Text } from '@mantine/core'
import type { MaudsleyResult, TrdAssessment } from '../../../domain/eligibility'

function Reasons({ reasons }: { reasons: readonly string[] }) {
  return (
    <List size="sm" spacing={2}>
      {reasons.map((reason) => (
        <List.Item key={reason}>{reason}</List.Item>
      ))}
    </List>
  )
}

/** "Maudsley stage 7 · moderate", or a plain "not applicable" badge when no adequate trial failed (§1). */
function MaudsleyHeading({ result }: { result: MaudsleyResult }) {
  if (!result.isApplicable)
    return (
      <Group gap="xs">
        <Text fw={600} size="sm">
          Maudsley stage
        </Text>
        <Badge color="gray" variant="light">
          Not applicable
        </Badge>
      </Group>
    )
  return (
    <Text fw={600} size="sm">
      Maudsley stage {result.total} of 15 · {result.band}
    </Text>
  )
}

/** The TRD definition, Thase–Rush stage and Maudsley score, each with the reasons behind it. */
export function TrdSummary({
  trd,
  missing,
  isLive = false,
}: {
  trd: TrdAssessment | null
  missing: readonly string[]
  /** Computed in the browser from unsaved answers. */
  isLive?: boolean
}) {
  if (!trd) {
    return (
      <Paper withBorder p="md" radius="md">
        <Text fw={600}>TRD staging</Text>
        <Text size="sm" c="dimmed">
          Not yet computed. Missing: {missing.join(', ') || 'trials'}.
        </Text>
      </Paper>
    )
  }
  return (
    <Paper withBorder p="md" radius="md" aria-label="TRD result">
      <Stack gap="sm">
        <Group gap="sm">
          <Text fw={600}>TRD result</Text>
          <Badge color={trd.isTrd ? 'teal' : 'orange'} variant="filled" size="lg">
            {trd.isTrd ? 'Meets TRD definition' : 'Does not meet TRD definition'}
          </Badge>
          {isLive && (
            <Badge color="gray" variant="outline">
              Live — not saved yet
            </Badge>
          )}
        </Group>
        <Reasons reasons={trd.reasons} />
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <Stack gap={4}>
            <Text fw={600} size="sm">
              Thase–Rush stage {trd.thaseRush.label}
            </Text>
            <Reasons reasons={trd.thaseRush.reasons} />
          </Stack>
          <Stack gap={4}>
            <MaudsleyHeading result={trd.maudsley} />
            <Reasons reasons={trd.maudsley.reasons} />
          </Stack>
        </SimpleGrid>
      </Stack>
    </Paper>
  )
}
