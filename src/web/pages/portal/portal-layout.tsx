import '@mantine/charts/styles.css'
import '../learn/learn.css'
import './portal.css'
import { Anchor, Box, Button, Container, Group, Stack, Text } from '@mantine/core'
import { Outlet, Link as RouterLink, NavLink as RouterNavLink } from 'react-router'
import { usePortalLogout, usePortalMe } from '../../api/portal'
import { PatientDisclaimer } from '../../components/patient-disclaimer'

const links = [
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
    <Box className="learn-root">
      <a className="learn-skip-link" href="#portal-main">
        Skip to content
      </a>
      <Box component="header" className="learn-header" py="sm">
        <Container size="md">
          <Stack gap={4}>
            <Group justify="space-between" wrap="nowrap" gap="xs" align="center">
              <Anchor
                component={RouterLink}
                to="/portal"
                underline="never"
                c="teal.9"
                fw={700}
                fz="xl"
                style={{ minWidth: 0 }}
              >
                KetaCare{' '}
                <Text span fw={400} c="dark.6" fz="md">
                  · {me.data ? me.data.clinic.name : 'Patient portal'}
                </Text>
              </Anchor>
              {me.data && <SignOutButton />}
            </Group>
            {isFull && (
              <Group component="nav" aria-label="Portal pages" gap="lg">
                {links.map((link) => (
                  <Anchor
                    key={link.to}
                    component={RouterNavLink}
                    to={link.to}
                    end={link.end}
                    className="portal-nav-link"
                    fw={500}
                    fz="md"
                  >
                    {link.label}
                  </Anchor>
                ))}
              </Group>
            )}
          </Stack>
        </Container>
      </Box>
      <Container size="sm" component="main" id="portal-main" py="lg" tabIndex={-1}>
        <Outlet />
      </Container>
      <Container size="sm" component="footer" pb="xl">
        <Stack gap="sm">
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
        </Stack>
      </Container>
    </Box>
  )
}
