import { Text } from '@mantine/core'
import { StaffPage } from '../components/pages-staff-page'
import { RemsCertificationCard } from '../components/rems/rems-certification-card'

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
