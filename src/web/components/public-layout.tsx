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
import { usePublicLinks } from './public-links'

/**
 * The public pages' (/learn, /portal) layout in the /learn look (`learn.css`): a skip link, the
 * header, the page (`children`: the route's outlet, or the page itself in learn-main.tsx) and the footer.
 */
export function PublicShell({
  mainId,
  size,
  headerClassName,
  header,
  footer,
  children,
}: {
  mainId: string
  size: MantineSize
  headerClassName: string
  header: ReactNode
  footer: ReactNode
  children: ReactNode
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
        {children}
      </Container>
      <Container size={size} component="footer" pb="xl">
        <Stack gap="sm">{footer}</Stack>
      </Container>
    </Box>
  )
}

/** "KetaCare · <area>", linking to the area's first page. */
export function PublicBrand({ to, area, style }: { to: string; area: ReactNode; style?: CSSProperties }) {
  const { Link } = usePublicLinks()
  return (
    <Anchor component={Link} to={to} underline="never" c="teal.9" fw={700} fz="xl" style={style}>
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

/** The area's pages; the current one is marked by `linkClassName` (`aria-current` from the NavLink of public-links.tsx). */
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
  const { NavLink } = usePublicLinks()
  return (
    <Group component="nav" aria-label={label} gap={gap}>
      {links.map((link) => (
        <Anchor
          key={link.to}
          component={NavLink}
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
