import {
  Anchor,
  Box,
  Container,
  Group,
  type MantineSize,
  type MantineSpacing,
  Stack,
  Text,
} from '@mantine/core'
import type { CSSProperties, ReactNode } from 'react'
import { Outlet, Link as RouterLink, NavLink as RouterNavLink } from 'react-router'

/**
 * The public pages' (/learn, /portal) layout in the /learn look (`learn.css`): a skip link, the
 * header, the page (the route's outlet) and the footer.
 */
export function PublicShell({
  mainId,
  size,
  headerClassName,
  header,
  footer,
}: {
  mainId: string
  size: MantineSize
  headerClassName: string
  header: ReactNode
  footer: ReactNode
}) {
  return (
    <Box className="learn-root">
      <a className="learn-skip-link" href={`#${mainId}`}>
        Skip to content
      </a>
      <Box component="header" className={headerClassName} py="sm">
        <Container size="md">{header}</Container>
      </Box>
      <Container size={size} component="main" id={mainId} py="lg" tabIndex={-1}>
        <Outlet />
      </Container>
      <Container size={size} component="footer" pb="xl">
        <Stack gap="sm">{footer}</Stack>
      </Container>
    </Box>
  )
}

/** "KetaCare · <area>", linking to the area's first page. */
export function PublicBrand({ to, area, style }: { to: string; area: ReactNode; style?: CSSProperties }) {
  return (
    <Anchor component={RouterLink} to={to} underline="never" c="teal.9" fw={700} fz="xl" style={style}>
      KetaCare{' '}
      <Text span fw={400} c="dark.6" fz="md">
        · {area}
      </Text>
    </Anchor>
  )
}

export interface PublicLink {
  to: string
  label: string
  /** Marked current only on this exact address (the area's first page). */
  end: boolean
}

/** The area's pages; the current one is marked by `linkClassName` (`aria-current` from NavLink). */
export function PublicNav({
  label,
  links,
  gap,
  linkClassName,
  fz,
}: {
  label: string
  links: PublicLink[]
  gap: MantineSpacing
  linkClassName: string
  fz?: string
}) {
  return (
    <Group component="nav" aria-label={label} gap={gap}>
      {links.map((link) => (
        <Anchor
          key={link.to}
          component={RouterNavLink}
          to={link.to}
          end={link.end}
          className={linkClassName}
          fw={500}
          fz={fz}
        >
          {link.label}
        </Anchor>
      ))}
    </Group>
  )
}
