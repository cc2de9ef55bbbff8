import { Group, Paper, Stack, type StackProps, Title, type TitleOrder } from '@mantine/core'
import type { CSSProperties, FormEvent, ReactNode } from 'react'

interface ClinicalCardProps {
  /** The card's accessible name (often its title, sometimes shorter or fuller); none for a card its table names. */
  label?: string
  /** The heading shown at the top; none when left out. */
  title?: ReactNode
  /** Beside the title, pushed to the right (a picker, a badge). */
  aside?: ReactNode
  order?: TitleOrder
  titleSize?: 'h4' | 'h5'
  p?: 'sm' | 'md'
  gap?: StackProps['gap']
  bg?: string
  style?: CSSProperties
  /** Makes the card a form. */
  onSubmit?: (event: FormEvent<HTMLFormElement>) => void
  children: ReactNode
}

/**
 * The bordered card every chair-side and chart panel sits in: its name for screen readers, a
 * heading, then its content stacked. With `onSubmit` the card is the form itself.
 */
export function ClinicalCard({
  label,
  title,
  aside,
  order = 3,
  titleSize = 'h4',
  p = 'md',
  gap = 'sm',
  bg,
  style,
  onSubmit,
  children,
}: ClinicalCardProps) {
  const heading =
    title === undefined ? null : (
      <Title order={order} size={titleSize}>
        {title}
      </Title>
    )
  const body = (
    <Stack gap={gap}>
      {aside === undefined ? (
        heading
      ) : (
        <Group justify="space-between" wrap="wrap">
          {heading}
          {aside}
        </Group>
      )}
      {children}
    </Stack>
  )
  const common = { withBorder: true, p, radius: 'md', bg, style, 'aria-label': label } as const
  return onSubmit ? (
    <Paper component="form" onSubmit={onSubmit} {...common}>
      {body}
    </Paper>
  ) : (
    <Paper {...common}>{body}</Paper>
  )
}
