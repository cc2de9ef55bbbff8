import '../learn/learn.css'
import './portal.css'
import { Anchor, Button, Group, Stack, Text } from '@mantine/core'
import { Outlet } from 'react-router'
import { usePortalLogout, usePortalMe } from '../../api/portal'
import { PatientDisclaimer } from '../../components/patient-disclaimer'
import { PublicBrand, type PublicLink, PublicNav, PublicShell } from '../../components/public-layout'

const links: PublicLink[] = [
  { to: '/portal', label: 'Home', end: true },
  { to: '/portal/progress', label: 'Progress', end: false },
  { to: '/portal/documents', label: 'Documents', end: false },
  { to: '/portal/security', label: 'Security', end: false },
]

function SignOutButton() {
  const logout = usePortalLogout()
  return (
    <Button
      variant="default"
      size="lg"
      loading={logout.isPending}
      style={{ flexShrink: 0 }}
      onClick={() => {
        // mutateAsync, not mutate's callbacks: clearing the portal cache unmounts this button, and
        // a callback of an unmounted mutate never runs (nor, reliably, its router navigate), which
        // left the patient on a bare sign-in page. A full page load also drops every cached answer.
        void logout
          .mutateAsync()
          .catch(() => undefined)
          .finally(() => window.location.replace('/portal/sign-in?signedOut=1'))
      }}
    >
      Sign out
    </Button>
  )
}

/**
 * The patient portal's layout (issue 7 item 3): the /learn look, the shared disclaimer and the
 * crisis line on every page; the navigation only for a full (password) session.
 */
export function PortalLayout() {
  const me = usePortalMe()
  const isFull = me.data?.scope === 'full'
  return (
    <PublicShell
      mainId="portal-main"
      size="sm"
      headerClassName="learn-header"
      header={
        <Stack gap={4}>
          <Group justify="space-between" wrap="nowrap" gap="xs" align="center">
            <PublicBrand
              to="/portal"
              area={me.data ? me.data.clinic.name : 'Patient portal'}
              style={{ minWidth: 0 }}
            />
            {me.data && <SignOutButton />}
          </Group>
          {isFull && (
            <PublicNav label="Portal pages" links={links} gap="lg" linkClassName="portal-nav-link" fz="md" />
          )}
        </Stack>
      }
      footer={
        <>
          <Text fw={600} c="red.9" data-testid="portal-crisis-line">
            If you are in crisis, call or text{' '}
            <Anchor href="tel:988" c="inherit" underline="always">
              988
            </Anchor>
            , or call{' '}
            <Anchor href="tel:911" c="inherit" underline="always">
              911
            </Anchor>
            .
          </Text>
          <PatientDisclaimer />
        </>
      }
    >
      <Outlet />
    </PublicShell>
  )
}
