import { Group, Stack, Text, type TextProps } from '@mantine/core'
import type { ReactNode } from 'react'

interface ClinicalFactProps extends TextProps {
  label: string
  children: ReactNode
  /** Label and value on one line, the value on the right (board cards); else the label above. */
  isRow?: boolean
  labelSize?: 'xs' | 'sm'
  gap?: number | 'xs'
}

/** A small uppercase label with its value: a plan's dose, a dose figure, a board card's timer. */
export function ClinicalFact({
  label,
  children,
  isRow = false,
  labelSize = 'xs',
  gap,
  ...value
}: ClinicalFactProps) {
  const labelText = (
    <Text size={labelSize} c="dimmed" tt="uppercase" fw={600}>
      {label}
    </Text>
  )
  const valueText = <Text {...value}>{children}</Text>
  return isRow ? (
    <Group gap={gap} wrap="nowrap" justify="space-between">
      {labelText}
      {valueText}
    </Group>
  ) : (
    <Stack gap={0}>
      {labelText}
      {valueText}
    </Stack>
  )
}
