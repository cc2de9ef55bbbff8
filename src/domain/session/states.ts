import { DomainValidationError } from '../errors'

// §2/§3: a session runs check-in → pre-checks → dosing → monitoring → discharge. `cancelled` is
// before any drug is given; `aborted` is a session stopped after dosing began.
export const sessionStates = [
  'scheduled',
  'checked-in',
  'pre-checks',
  'dosing',
  'monitoring',
  'ready-for-discharge',
  'discharged',
  'cancelled',
  'aborted',
] as const
export type SessionState = (typeof sessionStates)[number]

export const sessionEvents = [
  'check-in',
  'start-pre-checks',
  'start-dosing',
  'finish-dosing',
  'mark-ready',
  'resume-monitoring',
  'discharge',
  'cancel',
  'abort',
] as const
export type SessionEvent = (typeof sessionEvents)[number]

export const preCheckStatuses = ['pending', 'passed', 'failed', 'overridden'] as const
export type PreCheckStatus = (typeof preCheckStatuses)[number]

/** Facts the guards read; the service assembles them from the record (no I/O here). */
export interface SessionContext {
  isConsentCurrent: boolean
  isPlanApproved: boolean
  preChecks: PreCheckStatus
  /** §2 every dose medically supervised; §3 REMS: prescriber on site during dosing and monitoring. */
  isSupervisingPrescriberPresent: boolean
  isDoseAdministered: boolean
  /** From discharge.ts: every discharge criterion met. */
  isDischargeReady: boolean
  /**
   * The patient has a suicidal-ideation safety alert (warning or urgent, any instrument) that no
   * clinician has acknowledged: it holds discharge (clinical-reference §4 suicidal-ideation table).
   */
  hasOpenSuicideAlert: boolean
  /** Required to cancel or abort, so the record says why. */
  reason?: string
}

export const guardNames = [
  'consent-current',
  'plan-approved',
  'pre-checks-passed-or-overridden',
  'supervising-prescriber-present',
  'dose-administered',
  'discharge-criteria-met',
  'suicide-alerts-acknowledged',
  'reason-given',
] as const
export type GuardName = (typeof guardNames)[number]

/** Each guard returns null when satisfied, else why it blocks. */
const guards: Record<GuardName, (ctx: SessionContext) => string | null> = {
  'consent-current': (c) => (c.isConsentCurrent ? null : 'Consent is missing or expired.'),
  'plan-approved': (c) => (c.isPlanApproved ? null : 'The treatment plan is not approved by a prescriber.'),
  'pre-checks-passed-or-overridden': (c) =>
    c.preChecks === 'passed' || c.preChecks === 'overridden'
      ? null
      : c.preChecks === 'failed'
        ? 'Pre-checks failed; a prescriber override with a reason is needed.'
        : 'Pre-checks are not complete.',
  'supervising-prescriber-present': (c) =>
    c.isSupervisingPrescriberPresent ? null : 'No supervising prescriber is recorded as present.',
  'dose-administered': (c) => (c.isDoseAdministered ? null : 'The dose is not recorded as administered.'),
  'discharge-criteria-met': (c) => (c.isDischargeReady ? null : 'Discharge criteria are not all met.'),
  'suicide-alerts-acknowledged': (c) =>
    c.hasOpenSuicideAlert
      ? 'A suicidal-ideation safety alert is open: a clinician must acknowledge it with a note first.'
      : null,
  'reason-given': (c) => (c.reason?.trim() ? null : 'A reason is required.'),
}

export interface Transition {
  from: SessionState
  event: SessionEvent
  to: SessionState
  guards: readonly GuardName[]
}

/** The whole state machine. Anything not listed is not allowed. */
export const sessionTransitions: readonly Transition[] = Object.freeze([
  { from: 'scheduled', event: 'check-in', to: 'checked-in', guards: [] },
  { from: 'scheduled', event: 'cancel', to: 'cancelled', guards: ['reason-given'] },
  {
    from: 'checked-in',
    event: 'start-pre-checks',
    to: 'pre-checks',
    guards: ['consent-current', 'plan-approved'],
  },
  { from: 'checked-in', event: 'cancel', to: 'cancelled', guards: ['reason-given'] },
  {
    from: 'pre-checks',
    event: 'start-dosing',
    to: 'dosing',
    guards: [
      'consent-current',
      'plan-approved',
      'pre-checks-passed-or-overridden',
      'supervising-prescriber-present',
    ],
  },
  { from: 'pre-checks', event: 'cancel', to: 'cancelled', guards: ['reason-given'] },
  { from: 'dosing', event: 'finish-dosing', to: 'monitoring', guards: ['dose-administered'] },
  { from: 'dosing', event: 'abort', to: 'aborted', guards: ['reason-given'] },
  { from: 'monitoring', event: 'mark-ready', to: 'ready-for-discharge', guards: ['discharge-criteria-met'] },
  { from: 'monitoring', event: 'abort', to: 'aborted', guards: ['reason-given'] },
  { from: 'ready-for-discharge', event: 'resume-monitoring', to: 'monitoring', guards: [] },
  // Re-checked at the moment of discharge: readiness can lapse (e.g. the escort leaves).
  {
    from: 'ready-for-discharge',
    event: 'discharge',
    to: 'discharged',
    guards: ['discharge-criteria-met', 'suicide-alerts-acknowledged'],
  },
])

export const terminalStates: readonly SessionState[] = ['discharged', 'cancelled', 'aborted']

export interface BlockedBy {
  guard: GuardName
  reason: string
}

export interface TransitionOption {
  event: SessionEvent
  to: SessionState
  isAllowed: boolean
  blockedBy: BlockedBy[]
}

/** Every transition out of `state`, each allowed or with the guards that block it and why. */
export function listTransitions(state: SessionState, ctx: SessionContext): TransitionOption[] {
  return sessionTransitions
    .filter((t) => t.from === state)
    .map((t) => {
      const blockedBy = t.guards.flatMap((guard) => {
        const reason = guards[guard](ctx)
        return reason === null ? [] : [{ guard, reason }]
      })
      return { event: t.event, to: t.to, isAllowed: blockedBy.length === 0, blockedBy }
    })
}

export type TransitionResult =
  | { isAllowed: true; state: SessionState }
  | { isAllowed: false; blockedBy: BlockedBy[] }

/** Applies an event. An event that does not exist from this state is invalid input, not a block. */
export function applyTransition(
  state: SessionState,
  event: SessionEvent,
  ctx: SessionContext,
): TransitionResult {
  const option = listTransitions(state, ctx).find((o) => o.event === event)
  if (!option) throw new DomainValidationError('event', `"${event}" is not possible from "${state}"`)
  return option.isAllowed
    ? { isAllowed: true, state: option.to }
    : { isAllowed: false, blockedBy: option.blockedBy }
}
