import { type SessionEvent, type SessionState, sessionStates } from '../../domain/session'

export const stateLabels: Record<SessionState, string> = {
  scheduled: 'Scheduled',
  'checked-in': 'Checked in',
  'pre-checks': 'Pre-checks',
  dosing: 'Dosing',
  monitoring: 'Monitoring',
  'ready-for-discharge': 'Ready for discharge',
  discharged: 'Discharged',
  cancelled: 'Cancelled',
  aborted: 'Aborted',
}

export const stateColors: Record<SessionState, string> = {
  scheduled: 'gray',
  'checked-in': 'blue',
  'pre-checks': 'indigo',
  dosing: 'violet',
  monitoring: 'orange',
  'ready-for-discharge': 'teal',
  discharged: 'green',
  cancelled: 'gray',
  aborted: 'red',
}

/** Short names for the stepper, so seven steps fit a tablet's width. */
export const stepLabels: Partial<Record<SessionState, string>> = {
  scheduled: 'Booked',
  'checked-in': 'Arrived',
  'pre-checks': 'Pre-checks',
  dosing: 'Dosing',
  monitoring: 'Monitoring',
  'ready-for-discharge': 'Ready',
  discharged: 'Discharged',
}

/** The path a session normally takes, for the stepper. */
export const stateSteps: readonly SessionState[] = sessionStates.filter(
  (s) => s !== 'cancelled' && s !== 'aborted',
)

export const eventLabels: Record<SessionEvent, string> = {
  'check-in': 'Check in',
  'start-pre-checks': 'Start pre-checks',
  'start-dosing': 'Start dosing',
  'finish-dosing': 'Finish dosing',
  'mark-ready': 'Mark ready for discharge',
  'resume-monitoring': 'Back to monitoring',
  discharge: 'Discharge',
  cancel: 'Cancel session',
  abort: 'Abort session',
}

export const routeLabels = { iv: 'IV ketamine', intranasal: 'Esketamine' } as const

// The vocabulary and grades are the domain's (clinical-reference §7), shared with the server.
export { sideEffectGradeLabels as gradeLabels, sideEffectTerms } from '../../domain/session'

/** MOAA/S 0–5 (clinical-reference §4). */
export const moaasLabels: Record<number, string> = {
  5: 'Responds readily to name',
  4: 'Lethargic response to name',
  3: 'Only to loud or repeated name',
  2: 'Only to mild prodding',
  1: 'Only to trapezius squeeze',
  0: 'No response',
}

/** The discharge checklist (src/domain/session/discharge.ts); esketamine adds the §3 three. */
export const dischargeCriterionLabels: Record<string, string> = {
  aldrete: 'Modified Aldrete score',
  'observation-time': 'Minimum observation time',
  'vitals-near-baseline': 'Vital signs near baseline',
  'sedation-resolved': 'Sedation resolved (MOAA/S at baseline)',
  'dissociation-resolved': 'Dissociation resolved',
  'spo2-acceptable': 'SpO₂ acceptable',
  'escort-present': 'Escort present',
}
