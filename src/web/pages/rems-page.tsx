import { Stack, Text, Title } from '@mantine/core'
import { RemsCertificationCard } from '../components/rems/rems-certification-card'

/** Where an administrator or prescriber records the clinic's esketamine REMS certification. */
export function RemsPage() {
  return (
    <Stack gap="md" maw={760}>
      <Title order={1} size="h2">
        Esketamine REMS
      </Title>
      <Text size="sm" c="dimmed">
        Patient enrolments are recorded on each patient's chart (Sessions tab).
      </Text>
      <RemsCertificationCard />
    </Stack>
  )
}
