import { Anchor, Badge, Group, Paper, Stack, Tabs, Text, Title } from '@mantine/core'
import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useRef } from 'react'
import { Link, useParams, useSearchParams } from 'react-router'
import type { SessionState } from '../../../domain/session'
import { useClinicSummary } from '../../api/clinic'
import { useOutbox } from '../../api/outbox-store'
import { type SessionView, sessionKey, useSessionView } from '../../api/sessions'
import { clinicPath } from '../../clinic-pages'
import { hasClinicPermission, useCurrentClinic } from '../../components/current-clinic'
import { ErrorAlert, PageLoader } from '../../components/page-status'
import { SafetyAlertBanner } from '../../components/safety-alert-banner'
import { useNow } from '../../components/use-now'
import { formatClock, formatDuration } from '../../lib/clock-format'
import { routeLabels, stateColors, stateLabels } from '../../lib/session-labels'
import { AlertsBanner } from './alerts-banner'
import { DischargeSection } from './discharge-section'
import { DosingSection } from './dosing-section'
import { MonitoringSection } from './monitoring-section'
import { NextVitalsTimer } from './next-vitals'
import { OutboxPanel } from './outbox-panel'
import { PreChecksSection } from './pre-checks-section'
import { RecordSection } from './record-section'
import type { SectionProps } from './section-props'
import { StateActions } from './state-actions'

const sections = [
  { value: 'pre-checks', label: 'Pre-checks', Panel: PreChecksSection },
  { value: 'dosing', label: 'Dosing', Panel: DosingSection },
  { value: 'monitoring', label: 'Monitoring', Panel: MonitoringSection },
  { value: 'discharge', label: 'Discharge', Panel: DischargeSection },
  { value: 'record', label: 'Record', Panel: RecordSection },
] as const

/** The section a state is charted in, opened by default. */
const sectionOfState: Record<SessionState, (typeof sections)[number]['value']> = {
  scheduled: 'pre-checks',
  'checked-in': 'pre-checks',
  'pre-checks': 'pre-checks',
  dosing: 'dosing',
  monitoring: 'monitoring',
  'ready-for-discharge': 'discharge',
  discharged: 'discharge',
  cancelled: 'record',
  aborted: 'record',
}

function Fact({ label, children, color }: { label: string; children: React.ReactNode; color?: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="md" fw={600} c={color}>
        {children}
      </Text>
    </Stack>
  )
}

function doseStartMs(view: SessionView): number | null {
  const run = view.infusion?.runs[0]
  if (run) return run.startMs
  const device = view.devices?.given[0]
  return device ? Date.parse(device.at) : null
}

function SessionHeader({ view, timeZone }: { view: SessionView; timeZone: string | undefined }) {
  const nowMs = useNow()
  const { session, patient } = view
  const startMs = doseStartMs(view)
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" gap="sm">
          <Group gap="sm">
            <Title order={1} size="h2">
              {patient.name}
            </Title>
            <Badge size="xl" color={stateColors[session.state]} variant="filled">
              {stateLabels[session.state]}
            </Badge>
          </Group>
          <NextVitalsTimer view={view} />
        </Group>
        <Group gap="xl" wrap="wrap">
          <Fact label="MRN">{patient.mrn}</Fact>
          <Fact label="Age">
            {patient.age} y, {patient.sex}
          </Fact>
          <Fact label="Chair">{session.chair?.name ?? '—'}</Fact>
          <Fact label="Session">
            {session.sessionNumber} of {session.plannedSessions} · {routeLabels[session.route]}
          </Fact>
          <Fact label="Booked">{formatClock(session.scheduledAt, timeZone)}</Fact>
          {startMs !== null && session.state !== 'discharged' && (
            <Fact label="Since dose start">{formatDuration(nowMs - startMs)}</Fact>
          )}
          <Fact label="Prescriber" color={session.supervisingPrescriber ? undefined : 'red.8'}>
            {session.supervisingPrescriber?.name ?? 'none'}
          </Fact>
        </Group>
        {view.nextVitalsDue && (
          <Text size="xs" c="dimmed">
            {view.nextVitalsDue.reason}
          </Text>
        )}
      </Stack>
    </Paper>
  )
}

/** The chair-side page of one treatment session. */
export function SessionPage() {
  const { sessionId = '' } = useParams()
  const { me, membership } = useCurrentClinic()
  const clinicId = membership.clinicId
  const query = useSessionView(clinicId, sessionId)
  const timeZone = useClinicSummary(clinicId).data?.timeZone
  const outbox = useOutbox(me.user.id, clinicId)
  const queryClient = useQueryClient()
  const [params, setParams] = useSearchParams()
  // When the state moves on (here or on another screen), the section of the new state opens.
  const state = query.data?.session.state
  const lastState = useRef(state)
  useEffect(() => {
    if (lastState.current && state && lastState.current !== state) setParams({}, { replace: true })
    lastState.current = state
  }, [state, setParams])

  if (query.isPending) return <PageLoader />
  if (query.isError) return <ErrorAlert error={query.error} title="Could not open this session" />
  const view = query.data
  const props: SectionProps = {
    view,
    clinicId,
    sessionId,
    timeZone,
    canWrite: hasClinicPermission(membership, 'clinical:write'),
    canSign: hasClinicPermission(membership, 'clinical:sign'),
    canOverride: hasClinicPermission(membership, 'override:sign'),
    canDraw: hasClinicPermission(membership, 'ledger:write'),
    hasAuthenticator: me.user.mfaEnrolled,
    userId: me.user.id,
    outbox,
  }
  const requested = params.get('section')
  const section = sections.find((s) => s.value === requested)?.value ?? sectionOfState[view.session.state]
  const open = (value: string) => setParams({ section: value }, { replace: true })

  return (
    <Stack gap="md">
      <Group gap="md">
        <Anchor component={Link} to={clinicPath(clinicId, 'today')} size="sm">
          ← Today
        </Anchor>
        <Anchor component={Link} to={clinicPath(clinicId, `patients/${view.patient.id}`)} size="sm">
          Patient chart
        </Anchor>
        {(query.live === 'reconnecting' || query.isRefetchError) && (
          <Text size="sm" c="orange.8" role="status">
            Offline: showing the last update; charting is queued.
          </Text>
        )}
      </Group>
      <SessionHeader view={view} timeZone={timeZone} />
      <SafetyAlertBanner
        clinicId={clinicId}
        patientId={view.patient.id}
        alerts={view.safetyAlerts}
        canAcknowledge={props.canWrite}
        timeZone={timeZone}
        onAcknowledged={() =>
          void queryClient.invalidateQueries({ queryKey: sessionKey(clinicId, sessionId) })
        }
      />
      <AlertsBanner {...props} />
      <OutboxPanel outbox={outbox} sessionId={sessionId} timeZone={timeZone} />
      <StateActions {...props} onDischarge={() => open('discharge')} />
      <Tabs value={section} onChange={(value) => value && open(value)} keepMounted={false}>
        <Tabs.List grow>
          {sections.map((s) => (
            <Tabs.Tab key={s.value} value={s.value} fz="md" py="md">
              {s.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {sections.map(({ value, Panel }) => (
          <Tabs.Panel key={value} value={value} pt="md">
            <Panel {...props} />
          </Tabs.Panel>
        ))}
      </Tabs>
    </Stack>
  )
}
