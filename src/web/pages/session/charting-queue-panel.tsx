import { Alert, Badge, Button, Group, Modal, NumberInput, Paper, Stack, Text, TextInput } from '@mantine/core'
import { useState } from 'react'
import type { ChartingQueue } from '../../api/charting-queue-store'
import type { ChartingQueueEntry } from '../../lib/charting-queue'
import { formatClock } from '../../lib/clock-format'

const hiddenFields = new Set(['context', 'measuredAt', 'at', 'onsetAt', 'resolvedAt', 'administeredAt'])

/** Edit a refused entry's values (numbers and words) before sending it again. */
function FixModal({
  entry,
  onClose,
  outbox,
}: {
  entry: ChartingQueueEntry
  onClose: () => void
  outbox: ChartingQueue
}) {
  const [body, setBody] = useState<Record<string, unknown>>(entry.body)
  const editable = Object.entries(body).filter(
    ([key, value]) => !hiddenFields.has(key) && (typeof value === 'number' || typeof value === 'string'),
  )
  return (
    <Modal
      opened
      onClose={onClose}
      title="Fix and send again"
      centered
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      <Stack gap="sm">
        <Text size="sm">{entry.problem?.detail}</Text>
        {editable.map(([key, value]) =>
          typeof value === 'number' ? (
            <NumberInput
              key={key}
              label={key}
              value={value}
              error={entry.problem?.fieldErrors[key]}
              onChange={(v) => setBody({ ...body, [key]: Number(v) })}
            />
          ) : (
            <TextInput
              key={key}
              label={key}
              value={String(value)}
              error={entry.problem?.fieldErrors[key]}
              onChange={(e) => setBody({ ...body, [key]: e.currentTarget.value })}
            />
          ),
        )}
        {editable.length === 0 && (
          <Text size="sm" c="dimmed">
            Nothing to edit in this entry: send it again, or discard it.
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button
            onClick={() => {
              outbox.fix(entry.id, body, `${entry.label} (corrected)`)
              onClose()
            }}
          >
            Send again
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}

function SavedLine({ entry, timeZone }: { entry: ChartingQueueEntry; timeZone: string | undefined }) {
  return (
    <Text size="sm" c="teal.9">
      ✓ Saved: {entry.label} · taken {formatClock(entry.takenAtMs, timeZone)}
      {entry.sentAtMs && entry.sentAtMs - entry.takenAtMs > 60_000
        ? `, saved ${formatClock(entry.sentAtMs, timeZone)}`
        : ''}
    </Text>
  )
}

/**
 * What is unsent and what the server acknowledged, per entry (issue 5: nothing charted is lost).
 * Unsent and refused entries are always listed; the saved ones fold to the last (issue 14).
 */
export function ChartingQueuePanel({
  outbox,
  sessionId,
  timeZone,
}: {
  outbox: ChartingQueue
  sessionId: string
  timeZone: string | undefined
}) {
  const [fixing, setFixing] = useState<ChartingQueueEntry | null>(null)
  const [isExpanded, setIsExpanded] = useState(false)
  const mine = outbox.entries.filter((e) => e.sessionId === sessionId)
  const unsent = mine.filter((e) => e.status !== 'sent')
  const held = unsent.filter((e) => e.status === 'held')
  const saved = mine
    .filter((e) => e.status === 'sent')
    .slice(-10)
    .reverse()
  if (mine.length === 0) return null
  const shown = isExpanded ? saved : saved.slice(0, 1)
  return (
    <Paper withBorder p="xs" radius="md" aria-label="Charting outbox">
      <Stack gap={6}>
        <Group gap="xs" justify="space-between" wrap="nowrap">
          <Group gap="xs" wrap="nowrap">
            <Badge
              size="lg"
              color={held.length ? 'red' : unsent.length ? 'orange' : 'teal'}
              variant={unsent.length ? 'filled' : 'light'}
              role="status"
            >
              {unsent.length ? `${unsent.length} unsent` : 'All saved'}
            </Badge>
            {unsent.length > held.length && (
              <Button size="compact-sm" variant="light" onClick={() => outbox.retry()}>
                Send now
              </Button>
            )}
          </Group>
          {saved.length > 1 && (
            <Button
              size="compact-sm"
              variant="subtle"
              aria-expanded={isExpanded}
              onClick={() => setIsExpanded(!isExpanded)}
            >
              {isExpanded ? 'Show the last only' : `Show ${saved.length - 1} earlier`}
            </Button>
          )}
        </Group>
        {unsent.map((e) => (
          <Alert
            key={e.id}
            color={e.status === 'held' ? 'red' : 'orange'}
            variant="light"
            p="xs"
            title={`${e.label} · taken ${formatClock(e.takenAtMs, timeZone)}`}
          >
            <Group justify="space-between" gap="xs">
              <Text size="sm">
                {e.status === 'held'
                  ? `Not saved: ${e.problem?.detail ?? 'refused'}`
                  : e.status === 'sending'
                    ? 'Sending…'
                    : `Unsent — ${e.problem?.detail ?? 'waiting to send'} (tries: ${e.attempts})`}
              </Text>
              {e.status === 'held' && (
                <Group gap="xs">
                  <Button size="compact-sm" onClick={() => setFixing(e)}>
                    Fix
                  </Button>
                  <Button size="compact-sm" variant="default" onClick={() => outbox.retry(e.id)}>
                    Retry
                  </Button>
                  <Button size="compact-sm" color="red" variant="subtle" onClick={() => outbox.discard(e.id)}>
                    Discard
                  </Button>
                </Group>
              )}
            </Group>
          </Alert>
        ))}
        {shown.map((e) => (
          <SavedLine key={e.id} entry={e} timeZone={timeZone} />
        ))}
      </Stack>
      {fixing && <FixModal entry={fixing} outbox={outbox} onClose={() => setFixing(null)} />}
    </Paper>
  )
}
