import { Text, Title, type TitleOrder } from '@mantine/core'
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
