import { Stack, Text } from '@mantine/core'
import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useRef } from 'react'
import { useParams, useSearchParams } from 'react-router'
import { type SessionState, vitalsContextOf } from '../../../domain/session'
import { useChartingQueue } from '../../api/charting-queue-store'
import { useClinicSummary } from '../../api/clinic'
import { sessionKey, useSessionView } from '../../api/sessions'
import { PanelTabs } from '../../components/clinical-tabs'
import { hasClinicPermission, useCurrentClinic } from '../../components/current-clinic'
import { SessionWasteCard } from '../../components/ledger/session-waste-card'
import { ErrorAlert, PageLoader } from '../../components/page-status'
import { SafetyAlertBanner } from '../../components/safety-alert-banner'
import './session-layout.css'
import { AlertsBanner } from './alerts-banner'
import { ChartingQueuePanel } from './charting-queue-panel'
import { DeliveryControl } from './delivery-controls'
import { DischargeSection } from './discharge-section'
import { DosingSection } from './dosing-section'
import { MonitoringSection } from './monitoring-section'
import { PreChecksSection } from './pre-checks-section'
import { RecordSection } from './record-section'
import type { SectionProps } from './section-props'
import { SessionChart } from './session-chart'
import { SessionHeader } from './session-header'
import { SideEffectsPanel } from './side-effects-panel'
import { StateActions } from './state-actions'
import { VitalsPad } from './vitals-pad'

const sections = [
  { value: 'pre-checks', label: 'Pre-checks', Panel: PreChecksSection },
  { value: 'dosing', label: 'Dosing', Panel: DosingPhase },
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

/** During dosing the left column also holds the live chart and the side effects. */
function DosingPhase(props: SectionProps) {
  const isDosing = props.view.session.state === 'dosing'
  return (
    <Stack gap="md">
      {isDosing && <SessionChart view={props.view} />}
      {isDosing && <SideEffectsPanel {...props} />}
      <DosingSection {...props} />
    </Stack>
  )
}

/**
 * What the nurse needs at the chair whatever tab is open: the pump or the devices, the vitals pad
 * and the charting queue folded to its last entry. Open alerts head the wider left column (their
 * readings, rule and actions need the width; the header's timer shows the recheck they ask for).
 */
function ChairSideColumn(props: SectionProps) {
  const context = vitalsContextOf(props.view.session.state)
  return (
    <>
      <DeliveryControl {...props} />
      {/* Keyed by context so a new phase starts an empty pad. */}
      {props.canWrite && context && <VitalsPad key={context} {...props} context={context} />}
      <ChartingQueuePanel outbox={props.outbox} sessionId={props.sessionId} timeZone={props.timeZone} />
    </>
  )
}

/** The chair-side page of one treatment session. */
export function SessionPage() {
  const { sessionId = '' } = useParams()
  const { me, membership } = useCurrentClinic()
  const clinicId = membership.clinicId
  const query = useSessionView(clinicId, sessionId)
  const timeZone = useClinicSummary(clinicId).data?.timeZone
  const outbox = useChartingQueue(me.user.id, clinicId)
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

  const offline = (query.live === 'reconnecting' || query.isRefetchError) && (
    <Text size="xs" c="orange.8" fw={700} role="status">
      Offline: showing the last update; charting is queued.
    </Text>
  )

  return (
    <div className="chair-side">
      <div className="chair-side__frame">
        <SessionHeader view={view} clinicId={clinicId} status={offline} />
        <div className="chair-side__body">
          <aside className="chair-side__aside" aria-label="At the chair">
            <ChairSideColumn {...props} />
          </aside>
          <div className="chair-side__main">
            <AlertsBanner {...props} />
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
            <SessionWasteCard
              clinicId={clinicId}
              sessionId={sessionId}
              changeKey={`${view.session.version}:${view.timeline.length}`}
              hasDraw={view.session.route === 'iv' && view.dose.plannedDoseMg !== null}
              canWrite={props.canDraw}
            />
            <StateActions {...props} onDischarge={() => open('discharge')} />
            <PanelTabs
              value={section}
              onChange={open}
              tabs={sections}
              panelProps={props}
              isGrow
              panelTop="sm"
            />
          </div>
        </div>
      </div>
    </div>
  )
}
