import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { DoseLimit } from '../../domain/dosing'
import type {
  AlertAckAction,
  ConcomitantClass,
  SessionEvent,
  SessionState,
  VitalsAlertCode,
  VitalsMeasure,
} from '../../domain/session'
import type { InstrumentResponse, SafetyAlert, Vitals } from './assessments'
import { apiFetch } from './client'
import type { SignerProof } from './eligibility'
import { type LiveStatus, useLiveView } from './live'
import { clinicApiPath, type EnteredInError, patientApiPath, patientKey } from './patients'

// The treatment-session API (src/server/features/sessions): the day's board, the chair-side view
// (view.ts) and its writes. Dates arrive as ISO strings.

export type Route = 'iv' | 'intranasal'

export interface BoardCard {
  id: string
  chairId: string | null
  chairName: string | null
  patient: { id: string; name: string; mrn: string }
  scheduledAt: string
  plannedDurationMin: number
  state: SessionState
  route: Route
  sessionNumber: number
  supervisingPrescriber: string | null
  nurse: string | null
  doseStartedAt: string | null
  nextVitalsDueAt: string | null
  openAlerts: { code: string; severity: string; message: string }[]
  preChecks: string | null
  dischargeReadyAt: string | null
  remsDueAt: string | null
  remsSubmittedAt: string | null
  version: number
}

export interface Board {
  date: string
  timeZone: string
  generatedAt: string
  chairs: { id: string; name: string; isActive: boolean }[]
  sessions: BoardCard[]
  remsOwed: { sessionId: string; patient: string; mrn: string; dueAt: string }[]
}

export interface PreCheckItem {
  id: string
  label: string
  status: 'pass' | 'fail' | 'pending'
  detail: string
}

export interface SessionAlertReading {
  takenAtMs: number
  systolicMmHg?: number
  diastolicMmHg?: number
  heartRateBpm?: number
  spo2Percent?: number
  moaasScore?: number
}

/** A monitoring alert (view.ts → vitals-alerts.ts): the reading, the rule, what to do and by when. */
export interface SessionAlert {
  key: string
  code: VitalsAlertCode
  measure: VitalsMeasure
  severity: 'warning' | 'critical'
  message: string
  rule: string
  recommendedAction: string
  atMs: number
  readings: SessionAlertReading[]
  /** While unresolved, when the recheck it asks for is due. */
  recheckByMs: number | null
  resolvedAtMs: number | null
  acknowledged: {
    by: string | null
    at: string
    actions: AlertAckAction[]
    note: string
    recheckVitalId: string | null
  } | null
  resolved: { at: string; how: 'reading' | 'clinician'; by: string | null; note: string | null } | null
}

export interface DischargeCriterion {
  id: string
  isMet: boolean
  reason: string
  earliestMetAtMs: number | null
}

export interface TransitionOption {
  event: SessionEvent
  to: SessionState
  isAllowed: boolean
  blockedBy: { guard: string; reason: string }[]
}

export interface SideEffect {
  id: string
  term: string
  grade: number
  onsetAt: string
  actionTaken: string | null
  resolvedAt: string | null
  isSerious: boolean
  enteredInError: EnteredInError | null
}

export interface TimelineEntry {
  id: string
  kind: string
  at: string
  payload: Record<string, unknown>
  recordedBy: string | null
  recordedById: string | null
  enteredInError: EnteredInError | null
}

export interface SessionView {
  session: {
    id: string
    state: SessionState
    route: Route
    sessionNumber: number
    plannedSessions: number
    scheduledAt: string
    plannedDurationMin: number
    chair: { id: string; name: string } | null
    spacingOverrideReason: string | null
    supervisingPrescriber: { id: string; name: string | null } | null
    primaryNurse: { id: string; name: string | null } | null
    escortName: string | null
    isEscortPresent: boolean
    endReason: string | null
    dischargedAt: string | null
    dischargeSignerName: string | null
    dischargeContentHash: string | null
    remsDueAt: string | null
    remsSubmittedAt: string | null
    version: number
  }
  patient: { id: string; name: string; mrn: string; dateOfBirth: string; age: number; sex: string }
  plan: {
    id: string
    protocolId: string
    protocolName: string
    doseMgPerKg: number | null
    doseMg: number | null
    doseBasis: string
    maxDoseMgPerKg: number | null
    cadence: string
  }
  dose: {
    weightKg: number | null
    doseBasis: string | null
    plannedDoseMg: number | null
    vialMgPerMl: number | null
    infusionMin: number | null
    rateMgPerMin: number | null
    rateMlPerHour: number | null
    volumeMl: number | null
    checkedBy: string | null
    checkedAt: string | null
    doseGivenMg: number
    drawnFromLots: { lotId: string; quantityMg: number; lotBalanceAfterMg?: string }[]
    /** §2 check of the IV dose as set (server `dose-limits-view.ts`); null for esketamine or before a dose. */
    limits: {
      dosingWeightKg: number
      basisWeightKg: number
      isCappedAtActual: boolean
      doseMgPerKgOfActual: number
      ceilingMgPerKg: number
      ceilingMg: number
      isAboveCeiling: boolean
      limitsExceeded: DoseLimit[]
      coveredByPlanOverride: DoseLimit[]
      override: {
        reason: string
        limits: DoseLimit[]
        signerName: string
        at: string
        contentHash: string
      } | null
    } | null
  }
  preChecks: {
    status: 'pending' | 'passed' | 'failed' | 'overridden'
    items: PreCheckItem[]
    override: { by: string | null; at: string; reason: string } | null
    /** §3 pre-dose cautions from the intake screen and the prescriber's acknowledgement. */
    cautions: {
      items: { id: string; question: string; explanation: string }[]
      unanswered: string[]
      acknowledged: { by: string | null; at: string; cautions: string[] } | null
    }
  }
  infusion: {
    status: 'not-started' | 'running' | 'paused' | 'completed' | 'stopped'
    runs: { startMs: number; endMs: number }[]
    runningMin: number
    doseGivenMg: number
    remainingMg: number
    expectedEndMs: number | null
    endedAtMs: number | null
    nextActions: ('start' | 'pause' | 'resume' | 'stop')[]
  } | null
  devices: {
    plan: { deviceCount: number; doseMg: number }
    given: { number: number; at: string; lotId: string | null }[]
    nextAllowedAt: string | null
    isComplete: boolean
  } | null
  alerts: SessionAlert[]
  /** The patient's open suicidal-ideation alerts (§4): any of them holds discharge sign-off. */
  safetyAlerts: SafetyAlert[]
  nextVitalsDue: {
    dueAt: string | null
    reason: string
    /** Esketamine (§3): a BP recheck, pulse oximetry, or both. */
    prompts: ('blood-pressure' | 'spo2')[]
    /** Set when the time is an alert's recheck deadline (the timer then says "BP recheck"). */
    recheck: { measure: VitalsMeasure; alertCode: VitalsAlertCode } | null
  } | null
  discharge: {
    isReady: boolean
    criteria: DischargeCriterion[]
    earliestReadyAtMs: number | null
    readyWithoutObservationRuleAtMs: number | null
  } | null
  /** Esketamine: the nurse's latest dissociation check since the first device (§3). */
  dissociation: {
    latest: { isResolved: boolean; at: string; by: string | null; note: string | null } | null
    checks: number
  } | null
  /** Esketamine REMS form: the "ready without the 2-hour rule" moment as recorded in the session. */
  readyWithoutTimeRule: {
    at: string
    source: 'charting' | 'nurse'
    recordedBy: string | null
    note: string | null
    minutesFromFirstDevice: number | null
    firstMetByChartingAt: string | null
  } | null
  transitions: TransitionOption[]
  pk: {
    model: string
    startedAt: string
    nowMin: number
    tMin: number[]
    plasmaNgPerMl: number[]
    effectNgPerMl: number[]
    effectBands: readonly { id: string; label: string; fromNgPerMl: number; toNgPerMl: number }[]
    note: string
  } | null
  vitals: Vitals[]
  /** Per reading id, the measures outside the clinic's alert limits. */
  abnormalVitals: Record<string, VitalsMeasure[]>
  responses: InstrumentResponse[]
  sideEffects: SideEffect[]
  timeline: TimelineEntry[]
  replayed?: boolean
}

export interface StockLot {
  id: string
  drug: 'racemic-ketamine' | 'esketamine'
  drugLabel: string
  product: string
  lotNumber: string
  expiresOn: string
  expiryStatus: 'ok' | 'expiring' | 'expired'
  balanceMg: string
  balanceUnits: string
  unit: 'mL' | 'device'
}

export interface RemsForm {
  patientName: string
  dateOfBirth: string
  sex: string
  isFirstTreatment: boolean
  isEnrolled: boolean | null
  concomitantMedicines: Record<
    ConcomitantClass,
    { value: boolean | null; origin: 'form' | 'chart' | 'not-recorded'; source: string }
  >
  monitoringClinician: string | null
  setting: string
  date: string | null
  /** The devices actually given, 28 mg each (§3). */
  doseMg: number
  plannedDoseMg: number | null
  devices: { number: number; at: string; lotNumber: string | null }[]
  lotNumbers: string[]
  minutesFirstDeviceToEndOfMonitoring: number | null
  readyWithoutTwoHourRuleAt: string | null
  minutesToReadyWithoutTwoHourRule: number | null
  readyWithoutTwoHourRuleSource: string | null
  vitalsAcceptableBeforeDosing: boolean
  vitalsAcceptableAtEnd: boolean | null
  bpBeforeDose: string | null
  bpAt40Min: string | null
  bpBeforeEnd: string | null
  sedation: boolean
  dissociation: boolean
  respiratoryDepression: boolean
  adverseEvents: string[]
  dueAt: string | null
  submittedAt: string | null
}

export interface PatientSession {
  id: string
  sessionNumber: number
  scheduledAt: string
  plannedDurationMin: number
  state: SessionState
  route: Route
  chairName: string | null
  dischargedAt: string | null
}

/** While a live stream is down, the board and chair-side screens poll at this interval. */
export const livePollMs = 5_000

export const sessionApiPath = (clinicId: string, sessionId: string) =>
  `${clinicApiPath(clinicId)}/sessions/${encodeURIComponent(sessionId)}`
export const sessionKey = (clinicId: string, sessionId: string) =>
  ['clinics', clinicId, 'sessions', sessionId] as const
export const boardKey = (clinicId: string) => ['clinics', clinicId, 'board'] as const

const pollsWhen = (status: LiveStatus) => status === 'reconnecting' || status === 'failed'

/** Today's board (or `date`'s), pushed by the server as it changes; `live` says how it arrives. */
export function useBoard(clinicId: string, date: string | null) {
  const queryKey = [...boardKey(clinicId), date ?? 'today']
  const live = useLiveView(
    `/api/v1${clinicApiPath(clinicId)}/board/live${date ? `?date=${encodeURIComponent(date)}` : ''}`,
    'board',
    queryKey,
  )
  const query = useQuery({
    queryKey,
    queryFn: ({ signal }) => apiFetch<Board>(`${clinicApiPath(clinicId)}/board`, { query: { date }, signal }),
    enabled: pollsWhen(live),
    refetchInterval: livePollMs,
    staleTime: 0,
  })
  return Object.assign(query, { live })
}

/** The chair-side view, pushed by the server as anyone charts on this session. */
export function useSessionView(clinicId: string, sessionId: string) {
  const queryKey = sessionKey(clinicId, sessionId)
  const live = useLiveView(`/api/v1${sessionApiPath(clinicId, sessionId)}/live`, 'session', queryKey)
  const query = useQuery({
    queryKey,
    queryFn: ({ signal }) => apiFetch<SessionView>(sessionApiPath(clinicId, sessionId), { signal }),
    enabled: pollsWhen(live),
    refetchInterval: livePollMs,
    staleTime: 0,
  })
  return Object.assign(query, { live })
}

/**
 * A chair-side write that changes state (transitions, pre-checks, dose, signatures): sent at once,
 * never queued, because it needs the current version or a signature. The reply is the new view.
 */
export function useSessionAction<TInput>(
  clinicId: string,
  sessionId: string,
  toRequest: (input: TInput) => { path: string; body: unknown },
) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: TInput) => {
      const { path, body } = toRequest(input)
      return apiFetch<SessionView>(`${sessionApiPath(clinicId, sessionId)}${path}`, {
        method: 'POST',
        body,
        headers: { 'idempotency-key': crypto.randomUUID() },
      })
    },
    onSuccess: (view) => {
      queryClient.setQueryData(sessionKey(clinicId, sessionId), view)
      void queryClient.invalidateQueries({ queryKey: boardKey(clinicId) })
      // The REMS form is built from the session record: a write can change it.
      void queryClient.invalidateQueries({ queryKey: [...sessionKey(clinicId, sessionId), 'rems'] })
    },
    onError: () => queryClient.invalidateQueries({ queryKey: sessionKey(clinicId, sessionId) }),
  })
}

export function useTransition(clinicId: string, sessionId: string) {
  return useSessionAction<{ event: SessionEvent; version: number; reason?: string }>(
    clinicId,
    sessionId,
    (body) => ({ path: '/transition', body }),
  )
}

/** Check-in from the board (front desk): the card carries the version. */
export function useBoardCheckIn(clinicId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ sessionId, version }: { sessionId: string; version: number }) =>
      apiFetch<SessionView>(`${sessionApiPath(clinicId, sessionId)}/transition`, {
        method: 'POST',
        body: { event: 'check-in', version },
        headers: { 'idempotency-key': crypto.randomUUID() },
      }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: boardKey(clinicId) }),
  })
}

export type SignedInput<T = object> = T & SignerProof

export function useLotStock(clinicId: string, isEnabled: boolean) {
  return useQuery({
    // Its own key: the ledger screens may cache the same endpoint under theirs.
    queryKey: ['clinics', clinicId, 'sessions', 'lot-stock'],
    queryFn: ({ signal }) =>
      apiFetch<{ lots: StockLot[] }>(`${clinicApiPath(clinicId)}/ledger/stock`, { signal }),
    enabled: isEnabled,
    staleTime: 0,
  })
}

export function useRemsForm(clinicId: string, sessionId: string, isEnabled: boolean) {
  return useQuery({
    queryKey: [...sessionKey(clinicId, sessionId), 'rems'],
    queryFn: ({ signal }) => apiFetch<RemsForm>(`${sessionApiPath(clinicId, sessionId)}/rems`, { signal }),
    enabled: isEnabled,
  })
}

export function useChairs(clinicId: string) {
  return useQuery({
    queryKey: ['clinics', clinicId, 'chairs'],
    queryFn: ({ signal }) =>
      apiFetch<{ id: string; name: string; isActive: boolean }[]>(`${clinicApiPath(clinicId)}/chairs`, {
        signal,
      }),
    staleTime: 60_000,
  })
}

export function usePatientSessions(clinicId: string, patientId: string) {
  return useQuery({
    queryKey: [...patientKey(clinicId, patientId), 'sessions'],
    queryFn: ({ signal }) =>
      apiFetch<PatientSession[]>(`${patientApiPath(clinicId, patientId)}/sessions`, { signal }),
  })
}

export function useSuggestedDates(clinicId: string, patientId: string, isEnabled: boolean) {
  return useQuery({
    queryKey: [...patientKey(clinicId, patientId), 'sessions', 'suggested-dates'],
    queryFn: ({ signal }) =>
      apiFetch<{
        planId: string | null
        route: 'iv-infusion' | 'intranasal' | null
        remaining: number
        dates: { date: string; note: string }[]
        /** Esketamine: when the protocol's benefit review falls due (§3). */
        benefitReview: { date: string; note: string } | null
      }>(`${patientApiPath(clinicId, patientId)}/sessions/suggested-dates`, { signal }),
    enabled: isEnabled,
  })
}

export interface BookInput {
  patientId: string
  chairId: string
  scheduledAt: string
  spacingOverrideReason?: string
}

export function useBookSession(clinicId: string, patientId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: BookInput) =>
      apiFetch<SessionView>(`${clinicApiPath(clinicId)}/sessions`, { method: 'POST', body: input }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: patientKey(clinicId, patientId) }),
        queryClient.invalidateQueries({ queryKey: boardKey(clinicId) }),
      ]),
  })
}

/** Links to the server-rendered PDFs (opened in a new tab; the cookie authenticates). */
export function sessionPdfUrl(
  clinicId: string,
  sessionId: string,
  kind: 'record' | 'discharge-instructions' | 'rems',
) {
  return `/api/v1${sessionApiPath(clinicId, sessionId)}/${kind}.pdf`
}
