import { Group, Paper, Stack, Text, ThemeIcon } from '@mantine/core'
import type { ReactNode } from 'react'

/**
 * One item of a checklist (a chart's intake steps, a session's pre-checks): a coloured edge and mark,
 * the item with its state in words, what it means, and where to act on it. `isCompact` for the
 * chair-side grid, where two fit side by side.
 */
export function ChecklistItem(props: {
  color: string
  mark: ReactNode
  label: ReactNode
  state: string
  detail: ReactNode
  isCompact?: boolean
  action?: ReactNode
}) {
  const { color, isCompact = false } = props
  const item = (
    <Group gap="sm" wrap="nowrap" style={{ flex: 1 }}>
      <ThemeIcon color={color} variant="light" radius="xl" aria-hidden>
        {props.mark}
      </ThemeIcon>
      <Stack gap={0} style={{ flex: 1 }}>
        <Text fw={500} size={isCompact ? 'sm' : undefined}>
          {props.label}{' '}
          <Text span size="sm" fw={700} c={`${color}.8`}>
            — {props.state}
          </Text>
        </Text>
        <Text size={isCompact ? 'xs' : 'sm'} c="dimmed">
          {props.detail}
        </Text>
      </Stack>
    </Group>
  )
  return (
    <Paper
      component="li"
      withBorder
      p={isCompact ? 'xs' : 'sm'}
      radius="md"
      style={{ borderLeft: `4px solid var(--mantine-color-${color}-6)` }}
    >
      {props.action ? (
        <Group justify="space-between" wrap="nowrap" gap="md">
          {item}
          {props.action}
        </Group>
      ) : (
        item
      )}
    </Paper>
  )
}
