import { Anchor, Paper, Stack, Text, Title } from '@mantine/core'

/** Shown first whenever PHQ-9 item 9 is above 0 (clinical-reference §4: same-day follow-up). */
export function CrisisResources({ id }: { id?: string }) {
  return (
    <Paper
      component="section"
      aria-labelledby={id ? `${id}-title` : undefined}
      aria-label={id ? undefined : 'Help right now'}
      withBorder
      radius="md"
      p="lg"
      bg="red.0"
      style={{ borderColor: 'var(--mantine-color-red-7)', borderWidth: 2 }}
      data-testid="crisis-resources"
    >
      <Stack gap="xs">
        <Title order={2} size="h3" c="red.9" id={id ? `${id}-title` : undefined}>
          You said you have had thoughts of death or of hurting yourself
        </Title>
        <Text>
          You deserve support right now, not after a questionnaire. Please reach out to someone today:
        </Text>
        <Text fz="lg">
          <strong>
            Call or text <Anchor href="tel:988">988</Anchor>
          </strong>{' '}
          — the Suicide & Crisis Lifeline (United States), free and open 24 hours a day.
        </Text>
        <Text fz="lg">
          <strong>
            Call <Anchor href="tel:911">911</Anchor>
          </strong>{' '}
          or go to the nearest emergency department if you might act on these thoughts or are in danger now.
        </Text>
        <Text size="sm">
          Outside the US, call your local emergency number. You can also tell a doctor, or someone you trust,
          how you are feeling.
        </Text>
      </Stack>
    </Paper>
  )
}
