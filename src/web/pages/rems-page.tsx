import { Text } from '@mantine/core'
import { RemsCertificationCard } from '../components/rems/rems-certification-card'
import { StaffPage } from '../components/staff-page'

/** Where an administrator or prescriber records the clinic's esketamine REMS certification. */
export function RemsPage() {
  return (
    <StaffPage title="Esketamine REMS" maw={760}>
      <Text size="sm" c="dimmed">
        Patient enrolments are recorded on each patient's chart (Sessions tab).
      </Text>
      <RemsCertificationCard />
    </StaffPage>
  )
}
