import '@mantine/charts/styles.css'
import './learn.css'
import { Anchor, Group, Text } from '@mantine/core'
import { Link as RouterLink } from 'react-router'
import { PatientDisclaimer } from '../../components/patient-disclaimer'
import { PublicBrand, type PublicLink, PublicNav, PublicShell } from '../../components/public-layout'

const links: PublicLink[] = [
  { to: '/learn', label: 'About ketamine', end: true },
  { to: '/learn/self-check', label: 'Self-check', end: false },
]

/** The public pages' own light layout: no staff shell, no sign-in, the disclaimer on every page. */
export function LearnLayout() {
  return (
    <PublicShell
      mainId="learn-main"
      size="md"
      headerClassName="learn-header no-print"
      header={
        <Group justify="space-between" wrap="wrap" gap="xs">
          <PublicBrand to="/learn" area="Learn" />
          <PublicNav label="Learn pages" links={links} gap="md" linkClassName="learn-nav-link" />
        </Group>
      }
      footer={
        <>
          <PatientDisclaimer />
          <Text size="sm" c="dark.6" className="no-print">
            In crisis or thinking about suicide? In the US call or text <strong>988</strong> (Suicide & Crisis
            Lifeline) at any time, or call <strong>911</strong> in an emergency.
          </Text>
          <Text size="xs" c="dark.5" className="no-print">
            Clinic staff:{' '}
            <Anchor component={RouterLink} to="/signin" size="xs" underline="always">
              sign in
            </Anchor>
          </Text>
        </>
      }
    />
  )
}
