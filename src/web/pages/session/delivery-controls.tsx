import { Badge, Button, Group, Paper, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { useState } from 'react'
import { nextInfusionActions } from '../../../domain/session'
import { type SessionView, useLotStock } from '../../api/sessions'
import { ClinicalFact } from '../../components/clinical-fact'
import { useNow } from '../../components/use-now'
import type { ChartingQueueEntry } from '../../lib/charting-queue'
import { countdown, formatClock } from '../../lib/clock-format'
import { lotOption, mg, usableLots } from './dosing-section'
import { type SectionProps, writePath } from './section-props'
import { MinutesAgoInput, takenAt } from './taken-at'

// The pump (IV) and the devices (esketamine): what the nurse taps while the dose goes in, kept in
// the chair-side column so they stay on screen in every phase (issue 14).

const pumpLabels = {
  start: 'Start infusion',
  pause: 'Pause',
  resume: 'Resume',
  stop: 'Stop infusion',
} as const
const pumpColors = { start: 'teal', pause: 'orange', resume: 'teal', stop: 'red' } as const
const afterAction = { start: 'running', pause: 'paused', resume: 'running', stop: 'stopped' } as const

/** The pump status the nurse sees, with marks still in the outbox applied on top of the server's. */
export function optimisticPumpStatus(
  serverStatus: NonNullable<SessionView['infusion']>['status'],
  queued: readonly ChartingQueueEntry[],
): NonNullable<SessionView['infusion']>['status'] {
  let status = serverStatus
  for (const e of queued) {
    const action = e.body.action as keyof typeof afterAction
    if (e.kind === 'infusion' && e.status !== 'held' && afterAction[action]) status = afterAction[action]
  }
  return status
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <ClinicalFact label={label} fz="md" fw={700} lh={1.2}>
      {value}
    </ClinicalFact>
  )
}

/** Before the dose is set there is nothing to run yet: the card says where it comes from. */
function NotSetYet({ label, title }: { label: string; title: string }) {
  return (
    <Paper withBorder p="sm" radius="md" aria-label={label}>
      <Group gap="sm" justify="space-between">
        <Title order={3} size="h5">
          {title}
        </Title>
        <Text size="sm" c="dimmed">
          Set today's dose under Dosing first.
        </Text>
      </Group>
    </Paper>
  )
}

/** Queues a pump action through the charting queue: the pump panel and the alert banner share it. */
export function enqueuePumpAction(
  { outbox, clinicId, sessionId }: Pick<SectionProps, 'outbox' | 'clinicId' | 'sessionId'>,
  action: keyof typeof pumpLabels,
  at?: string,
) {
  outbox.enqueue({
    sessionId,
    kind: 'infusion',
    path: writePath(clinicId, sessionId, '/infusion'),
    body: { action, ...(at ? { at } : {}) },
    label: `Pump: ${pumpLabels[action].toLowerCase()}`,
  })
}

function Pump(props: SectionProps) {
  const { view, sessionId, outbox, timeZone, canWrite } = props
  const nowMs = useNow()
  const [minutesAgo, setMinutesAgo] = useState<number | string>(0)
  const infusion = view.infusion
  if (!infusion) return <NotSetYet label="Infusion pump" title="Infusion" />
  const queued = outbox.entries.filter(
    (e) => e.sessionId === sessionId && e.kind === 'infusion' && e.status !== 'sent',
  )
  const status = optimisticPumpStatus(infusion.status, queued)
  const actions = canWrite && view.session.state === 'dosing' ? nextInfusionActions(status) : []
  const mark = (action: keyof typeof pumpLabels) => {
    enqueuePumpAction(props, action, takenAt(minutesAgo))
    setMinutesAgo(0)
  }
  const end = infusion.expectedEndMs
    ? `${formatClock(infusion.expectedEndMs, timeZone)} (${countdown(infusion.expectedEndMs, nowMs).text})`
    : infusion.endedAtMs
      ? `ended ${formatClock(infusion.endedAtMs, timeZone)}`
      : '—'
  return (
    <Paper withBorder p="sm" radius="md" aria-label="Infusion pump">
      <Stack gap="xs">
        <Group justify="space-between" gap="xs">
          <Group gap="xs">
            <Title order={3} size="h5">
              Infusion
            </Title>
            <Badge size="lg" color={status === 'running' ? 'teal' : status === 'paused' ? 'orange' : 'gray'}>
              {status}
              {queued.length ? ' (unsent)' : ''}
            </Badge>
          </Group>
          <Text size="sm">
            <Text span c="dimmed" size="sm">
              End{' '}
            </Text>
            <Text span fw={700} size="sm">
              {end}
            </Text>
          </Text>
        </Group>
        <Group gap="xs" justify="space-between" align="flex-end" wrap="nowrap">
          <SimpleGrid cols={3} spacing="xs" style={{ flex: 1 }}>
            <Figure label="Given" value={mg(infusion.doseGivenMg)} />
            <Figure label="Remaining" value={mg(infusion.remainingMg)} />
            <Figure label="Running" value={`${Math.round(infusion.runningMin)} min`} />
          </SimpleGrid>
          {actions.length > 0 && <MinutesAgoInput value={minutesAgo} onChange={setMinutesAgo} />}
        </Group>
        {actions.length > 0 && (
          <Group gap="xs" grow>
            {actions.map((action) => (
              <Button key={action} size="lg" color={pumpColors[action]} onClick={() => mark(action)} px="xs">
                {pumpLabels[action]}
              </Button>
            ))}
          </Group>
        )}
        {view.session.state !== 'dosing' && infusion.status === 'not-started' && (
          <Text size="sm" c="dimmed">
            The pump is charted once the session is in dosing.
          </Text>
        )}
      </Stack>
    </Paper>
  )
}

function Devices(props: SectionProps) {
  const { view, clinicId, sessionId, outbox, timeZone, canWrite } = props
  const nowMs = useNow()
  const stock = useLotStock(clinicId, props.canDraw)
  const [lotId, setLotId] = useState<string | null>(null)
  const devices = view.devices
  if (!devices) return <NotSetYet label="Esketamine devices" title="Devices" />
  const queued = outbox.entries.filter(
    (e) => e.sessionId === sessionId && e.kind === 'device' && e.status !== 'sent',
  )
  const count = devices.given.length + queued.length
  const lastAtMs = queued.length
    ? queued[queued.length - 1]!.takenAtMs
    : devices.given.at(-1)
      ? Date.parse(devices.given.at(-1)!.at)
      : null
  // §3: one device at a time, 5 minutes apart.
  const nextAtMs = lastAtMs === null ? null : lastAtMs + 5 * 60_000
  const wait = nextAtMs !== null && nextAtMs > nowMs ? countdown(nextAtMs, nowMs) : null
  const lots = usableLots(stock.data?.lots, 'esketamine', 28)
  const isDone = count >= devices.plan.deviceCount
  const isRecording = canWrite && !isDone && view.session.state === 'dosing'
  const record = () =>
    outbox.enqueue({
      sessionId,
      kind: 'device',
      path: writePath(clinicId, sessionId, '/devices'),
      body: { lotId },
      label: `Device ${count + 1} of ${devices.plan.deviceCount}`,
    })
  const given = [
    ...devices.given.map((d) => `✓ ${d.number} at ${formatClock(d.at, timeZone)}`),
    ...queued.map((e) => `${e.label} at ${formatClock(e.takenAtMs, timeZone)} (unsent)`),
  ]
  return (
    <Paper withBorder p="sm" radius="md" aria-label="Esketamine devices">
      <Stack gap="xs">
        <Group justify="space-between" gap="xs">
          <Title order={3} size="h5">
            Devices: {count} of {devices.plan.deviceCount}
          </Title>
          {given.length > 0 && (
            <Text size="sm" c={queued.length ? 'orange.8' : undefined}>
              {given.join(' · ')}
            </Text>
          )}
        </Group>
        {wait && isRecording && (
          <Paper
            bg="orange.0"
            px="sm"
            py={4}
            radius="md"
            role="timer"
            aria-label={`Next device ${wait.text}`}
          >
            <Text c="orange.9" fw={700} fz="lg">
              Next device {wait.text}
            </Text>
            <Text size="xs" c="orange.9">
              5 minutes between devices
            </Text>
          </Paper>
        )}
        {isRecording && (
          <Group gap="xs" align="flex-end" wrap="wrap">
            {props.canDraw && (
              <Select
                label="Lot of this device"
                data={lots.map(lotOption)}
                value={lotId}
                onChange={setLotId}
                size="sm"
                style={{ flex: '1 1 160px' }}
              />
            )}
            <Button size="lg" disabled={Boolean(wait)} onClick={record}>
              Record device {count + 1}
            </Button>
          </Group>
        )}
        {view.session.state !== 'dosing' && count === 0 && (
          <Text size="sm" c="dimmed">
            Devices are recorded once the session is in dosing.
          </Text>
        )}
      </Stack>
    </Paper>
  )
}

/** The pump for an IV session, the devices for esketamine. */
export function DeliveryControl(props: SectionProps) {
  return props.view.session.route === 'iv' ? <Pump {...props} /> : <Devices {...props} />
}
