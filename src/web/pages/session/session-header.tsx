import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core'
import type { ReactNode } from 'react'
import { Link } from 'react-router'
import { terminalStates } from '../../../domain/session'
import type { SessionView } from '../../api/sessions'
import { clinicPath } from '../../clinic-path'
import { useNow } from '../../components/use-now'
import { formatDuration } from '../../lib/clock-format'
import { routeLabels, stateColors, stateLabels } from '../../lib/session-labels'
import { nextVitalsOf } from './next-vitals'

function doseStartMs(view: SessionView): number | null {
  const run = view.infusion?.runs[0]
  if (run) return run.startMs
  const device = view.devices?.given[0]
  return device ? Date.parse(device.at) : null
}

/**
 * The next-vitals countdown (the server's due time is already the earlier of the routine interval
 * and any recheck an open alert asks for; then it is labelled e.g. "BP recheck" and turns orange).
 * Before the dose starts it says when it will begin.
 */
function NextVitalsTimer({ view, nowMs }: { view: SessionView; nowMs: number }) {
  const due = nextVitalsOf(view, nowMs)
  const label = due?.label ?? 'Next vitals'
  const background = due?.isOverdue ? 'red.7' : due?.isRecheck ? 'orange.1' : due ? 'blue.0' : 'gray.0'
  const color = due?.isOverdue ? 'white' : due?.isRecheck ? 'orange.9' : due ? 'blue.9' : 'dimmed'
  return (
    <Paper
      px="sm"
      py={4}
      radius="md"
      bg={background}
      c={color}
      role="timer"
      aria-label={due ? `${label} ${due.text}` : 'Next vitals: the timer starts with the dose'}
      miw={128}
      maw={240}
    >
      <Text size="xs" fw={700} tt="uppercase" lh={1.2}>
        {label}
      </Text>
      <Text fz={due ? 26 : 'sm'} fw={800} lh={1.15}>
        {due ? due.text : 'with the dose'}
      </Text>
      {view.nextVitalsDue?.reason && (
        <Text size="xs" lh={1.2} lineClamp={2} title={view.nextVitalsDue.reason}>
          {view.nextVitalsDue.reason}
        </Text>
      )}
    </Paper>
  )
}

/**
 * One compact row that stays at the top of the chair-side page: who, where, which phase, how long
 * since the dose, and the next-vitals timer (issue 14).
 */
export function SessionHeader({
  view,
  clinicId,
  status,
}: {
  view: SessionView
  clinicId: string
  /** The connection notice, when offline. */
  status?: ReactNode
}) {
  const nowMs = useNow()
  const { session, patient } = view
  const startMs = doseStartMs(view)
  return (
    <Paper withBorder px="md" py="xs" radius="md" className="chair-side__header">
      <Group justify="space-between" align="center" gap="xs" wrap="wrap">
        <Stack gap={2} style={{ minWidth: 0, flex: '1 1 320px' }}>
          <Group gap="xs" wrap="wrap" align="center">
            <Title order={1} size="h3">
              {patient.name}
            </Title>
            <Badge size="lg" color={stateColors[session.state]} variant="filled">
              {stateLabels[session.state]}
            </Badge>
            <Text fw={700}>{session.chair?.name ?? 'No chair'}</Text>
            <Anchor component={Link} to={clinicPath(clinicId, 'today')} size="xs">
              ← Today
            </Anchor>
            <Anchor component={Link} to={clinicPath(clinicId, `patients/${patient.id}`)} size="xs">
              Patient chart
            </Anchor>
          </Group>
          <Text size="xs" c="dimmed">
            Session {session.sessionNumber} of {session.plannedSessions} · {routeLabels[session.route]} ·{' '}
            {patient.mrn} · {patient.age} y, {patient.sex} ·{' '}
            <Text
              span
              size="xs"
              c={session.supervisingPrescriber ? 'dimmed' : 'red.8'}
              fw={session.supervisingPrescriber ? 400 : 700}
            >
              Prescriber: {session.supervisingPrescriber?.name ?? 'none'}
            </Text>
          </Text>
          {status}
        </Stack>
        <Group gap="sm" wrap="nowrap">
          {startMs !== null && session.state !== 'discharged' && (
            <Stack gap={0} align="flex-end">
              <Text size="xs" c="dimmed" tt="uppercase" fw={600} style={{ whiteSpace: 'nowrap' }}>
                Since dose
              </Text>
              <Text fz="lg" fw={700}>
                {formatDuration(nowMs - startMs)}
              </Text>
            </Stack>
          )}
          {!terminalStates.includes(session.state) && <NextVitalsTimer view={view} nowMs={nowMs} />}
        </Group>
      </Group>
    </Paper>
  )
}
