import { Anchor, Paper, Stack, Text, Title } from '@mantine/core'

/**
 * Shown first whenever PHQ-9 item 9 is above 0 (clinical-reference §4: same-day follow-up). In the
 * portal it also names the patient's own clinic and its phone number (issue 14).
 */
export function CrisisResources({
  id,
  clinic,
}: {
  id?: string
  clinic?: { name: string; phone: string | null }
}) {
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
          You told us you have had thoughts of death or of hurting yourself
        </Title>
        <Text>You deserve help right now, not after a form. Please reach out to someone today:</Text>
        <Text fz="lg">
          <strong>
            Call or text <Anchor href="tel:988">988</Anchor>.
          </strong>{' '}
          This is the Suicide & Crisis Lifeline in the US. It is free and open day and night.
        </Text>
        <Text fz="lg">
          <strong>
            Call <Anchor href="tel:911">911</Anchor>
          </strong>{' '}
          or go to the nearest emergency room if you might act on these thoughts, or if you are in danger now.
        </Text>
        {clinic && (
          <Text fz="lg" data-testid="crisis-clinic-phone">
            {clinic.phone ? (
              <>
                <strong>
                  Call {clinic.name} at{' '}
                  <Anchor href={`tel:${clinic.phone.replace(/[^\d+]/g, '')}`}>{clinic.phone}</Anchor>
                </strong>{' '}
                to talk with your care team.
              </>
            ) : (
              <>
                <strong>Call {clinic.name}</strong> to talk with your care team.
              </>
            )}
          </Text>
        )}
        <Text size="sm">
          Outside the US, call your local emergency number. You can also tell a doctor, or someone you trust,
          how you feel.
        </Text>
      </Stack>
    </Paper>
  )
}
