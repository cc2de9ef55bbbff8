import { Badge, Group, Paper, Stack, Text, UnstyledButton } from '@mantine/core'
import { Link } from 'react-router'
import type { Urgency, WorklistItem, WorklistSection } from '../../api/worklist'
import { clinicPath } from '../../clinic-path'

const urgencyColor: Record<Urgency, string> = { urgent: 'red', soon: 'orange', routine: 'gray', ok: 'teal' }
const urgencyLabel: Record<Urgency, string> = { urgent: 'Now', soon: 'Soon', routine: '', ok: 'OK' }

/** "14:02" today, "Thu 3 Dec, 14:02" another day, in the clinic's time zone. */
export function formatWhen(iso: string, timeZone: string, todayIso: string): string {
  const at = new Date(iso)
  const day = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at)
  const clock = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit' }).format(at)
  if (day === todayIso) return clock
  const date = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
  }).format(at)
  return `${date}, ${clock}`
}

/** One thing to do: what, about whom, and a tap that opens the page where it is done. */
export function WorklistItemRow(props: {
  item: WorklistItem
  clinicId: string
  timeZone: string
  today: string
}) {
  const { item, clinicId, timeZone, today } = props
  const color = urgencyColor[item.urgency]
  return (
    <UnstyledButton
      component={Link}
      to={clinicPath(clinicId, item.link)}
      aria-label={[item.title, item.subject].filter(Boolean).join(', ')}
      data-kind={item.kind}
      style={{ display: 'block' }}
    >
      <Paper
        withBorder
        radius="md"
        px="sm"
        py={8}
        style={{ borderLeft: `5px solid var(--mantine-color-${color}-6)` }}
        className="worklist-item"
      >
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Text fw={700} size="sm">
              {item.title}
            </Text>
            {item.subject && <Text size="sm">{item.subject}</Text>}
            {item.detail && (
              <Text size="xs" c="dimmed">
                {item.detail}
              </Text>
            )}
          </Stack>
          <Stack gap={4} align="flex-end" style={{ flexShrink: 0 }}>
            {urgencyLabel[item.urgency] && (
              <Badge color={color} variant={item.urgency === 'urgent' ? 'filled' : 'light'} size="sm">
                {urgencyLabel[item.urgency]}
              </Badge>
            )}
            {item.at && item.urgency !== 'ok' && (
              <Text size="xs" c="dimmed">
                {formatWhen(item.at, timeZone, today)}
              </Text>
            )}
          </Stack>
        </Group>
      </Paper>
    </UnstyledButton>
  )
}

/** Under a section the server cut short: how many of its items are listed. */
export function ShownOfTotal({ section }: { section: WorklistSection }) {
  if (section.total <= section.items.length) return null
  return (
    <Text size="xs" c="dimmed">
      Showing the {section.items.length} most pressing of {section.total}.
    </Text>
  )
}
