import { Anchor, Group, type MantineSpacing, Text } from '@mantine/core'
import type { CSSProperties, ReactNode } from 'react'
import { Link as RouterLink, NavLink as RouterNavLink } from 'react-router'

/** The public pages' (/learn, /portal) header pieces, in the /learn look (`learn.css`). */

/** The first tab stop: jumps past the header to the page's main content. */
export function SkipLink({ to }: { to: string }) {
  return (
    <a className="learn-skip-link" href={`#${to}`}>
      Skip to content
    </a>
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
