import { Alert, Button, Group, Stack, Text, Textarea } from '@mantine/core'
import { useState } from 'react'
import { type SessionAlert, useSessionAction } from '../../api/sessions'
import { MutationError } from '../../components/mutation-error'
import { formatClock } from '../../lib/clock-format'
import type { SectionProps } from './section-props'

function OpenAlert({ alert, props }: { alert: SessionAlert; props: SectionProps }) {
  const [note, setNote] = useState('')
  const [isOpen, setIsOpen] = useState(false)
  const ack = useSessionAction<{ key: string; note: string }>(props.clinicId, props.sessionId, (body) => ({
    path: '/alerts/acknowledge',
    body,
  }))
  return (
    <Alert
      color="red"
      variant="filled"
      role="alert"
      title={`${alert.message} (${formatClock(alert.atMs, props.timeZone)})`}
    >
      <Stack gap="xs">
        <Text size="md" fw={600}>
          What to do: {alert.recommendedAction}
        </Text>
        {props.canWrite && !isOpen && (
          <Group>
            <Button color="white" variant="white" c="red.9" onClick={() => setIsOpen(true)}>
              Acknowledge
            </Button>
          </Group>
        )}
        {isOpen && (
          <Stack gap="xs" bg="white" p="xs" style={{ borderRadius: 8 }}>
            <Textarea
              label="What was done"
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
              autosize
              minRows={2}
              placeholder="Paused; prescriber informed; recheck in 5 min"
            />
            <MutationError error={ack.error} />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setIsOpen(false)}>
                Cancel
              </Button>
              <Button
                color="red"
                disabled={note.trim().length < 3}
                loading={ack.isPending}
                onClick={() => ack.mutate({ key: alert.key, note: note.trim() })}
              >
                Acknowledge alert
              </Button>
            </Group>
          </Stack>
        )}
      </Stack>
    </Alert>
  )
}

/** Open monitoring alerts from the domain rules, each with what to do and an acknowledgement. */
export function AlertsBanner(props: SectionProps) {
  const open = props.view.alerts.filter((a) => !a.acknowledged)
  if (open.length === 0) return null
  return (
    <Stack gap="xs" aria-label="Monitoring alerts">
      {open.map((alert) => (
        <OpenAlert key={alert.key} alert={alert} props={props} />
      ))}
    </Stack>
  )
}
