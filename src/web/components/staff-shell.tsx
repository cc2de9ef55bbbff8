import { AppShell, Badge, Burger, Button, Group, NavLink, Stack, Text } from '@mantine/core'
import { useDisclosure, useMediaQuery } from '@mantine/hooks'
import { Outlet, NavLink as RouterNavLink, useLocation } from 'react-router'
import { clinicPages } from '../clinic-pages'
import { clinicPath } from '../clinic-path'
import { roleLabel } from '../lib/roles'
import { ClinicSwitcher } from './clinic-switcher'
import { hasClinicPermission, useCurrentClinic } from './current-clinic'
import { LockScreen } from './lock-screen'
import { ScreenLockControls } from './screen-lock-controls'
import { useIdleLock } from './use-idle-sign-out'
import { useSignOut } from './use-sign-out'

// Below this width (a tablet in portrait, a phone) the navbar folds behind a burger; a 1024px
// tablet in landscape keeps the menu in view (issue 14).
const navbarBreakpoint = '60em'

export function StaffShell() {
  const { me, membership } = useCurrentClinic()
  const [isNavOpen, nav] = useDisclosure(false)
  const isWide = useMediaQuery(`(min-width: ${navbarBreakpoint})`, true, { getInitialValueInEffect: false })
  const location = useLocation()
  // The chair-side page needs the whole width of a landscape tablet (timer, alerts, pump and vitals
  // on one screen): there the menu folds behind the burger at every width.
  const isChairSide = /^\/c\/[^/]+\/sessions\/[^/]+/.test(location.pathname)
  const isMenuFolded = !isWide || isChairSide
  const signOut = useSignOut()
  useIdleLock(me)

  const visiblePages = clinicPages.filter(
    (page) => !page.isHiddenFromNav && hasClinicPermission(membership, page.permission),
  )

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{
        width: 220,
        breakpoint: navbarBreakpoint,
        collapsed: { mobile: !isNavOpen, desktop: isChairSide && !isNavOpen },
      }}
      padding="lg"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="sm">
          <Group gap="sm" wrap="nowrap">
            {isMenuFolded && (
              <Burger opened={isNavOpen} onClick={nav.toggle} size="sm" aria-label="Toggle navigation" />
            )}
            <Text fw={700} size="xl" c="teal.8">
              KetaCare
            </Text>
          </Group>
          <Group gap="md" wrap="nowrap">
            <ClinicSwitcher />
            <Stack gap={0} align="flex-end" visibleFrom="sm">
              <Text size="sm" fw={600} lh={1.3}>
                {me.user.displayName}
              </Text>
              <Badge variant="light" size="sm">
                {roleLabel(membership.role)}
              </Badge>
            </Stack>
            {/* On a phone, Sign out moves into the ⋯ menu so the header fits 390 px. */}
            <ScreenLockControls me={me} onSignOut={signOut} />
            <Button variant="default" size="sm" onClick={signOut} visibleFrom="sm">
              Sign out
            </Button>
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="sm" aria-label="Main navigation">
        {visiblePages.map((page) => {
          const to = clinicPath(membership.clinicId, page.path)
          return (
            <NavLink
              key={page.path}
              component={RouterNavLink}
              to={to}
              end={page.path === ''}
              label={page.label}
              active={page.path === '' ? location.pathname === to : location.pathname.startsWith(to)}
              onClick={nav.close}
            />
          )
        })}
      </AppShell.Navbar>

      <AppShell.Main>
        <LockScreen me={me} />
        {/* A new clinic starts its pages fresh (search, page number) instead of carrying them over. */}
        <Outlet key={membership.clinicId} />
      </AppShell.Main>
    </AppShell>
  )
}
