import { type MantineSpacing, Paper, Stack, Text, Title, type TitleOrder } from '@mantine/core'
import type { CSSProperties, ReactNode } from 'react'

/** A card's heading and, under it, the line saying what the card holds. */
export function SectionHeading({
  title,
  note,
  order,
  style,
}: {
  title: ReactNode
  note?: ReactNode
  order: TitleOrder
  style?: CSSProperties
}) {
  return (
    <div style={style}>
      <Title order={order} size="h4">
        {title}
      </Title>
      {note && (
        <Text size="sm" c="dimmed">
          {note}
        </Text>
      )}
    </div>
  )
}

/** A bordered section of a page, named for screen readers by its own heading (`titleId`). */
export function SectionCard(props: {
  titleId: string
  title: ReactNode
  titleSize: 'h3' | 'h4'
  gap: MantineSpacing
  children: ReactNode
}) {
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={props.titleId}>
      <Stack gap={props.gap}>
        <Title order={2} size={props.titleSize} id={props.titleId}>
          {props.title}
        </Title>
        {props.children}
      </Stack>
    </Paper>
  )
}
