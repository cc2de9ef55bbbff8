import {
  type SessionEvent,
  type SessionState,
  sessionStates,
  sessionTransitions,
  terminalStates,
} from './states'

// In which states each chair-side write is accepted (design.md §6). The server refuses a write
// outside them with a 409 and the web app shows the write's controls only inside them, both from
// this one table. Transitions and the discharge sign-off follow the state machine (states.ts).

/** Every chair-side write, by the name of its route (`POST …/sessions/:id/<path>`). */
export const sessionActions = [
  'transition',
  'pre-checks',
  'pre-check-override',
  'supervision',
  'cautions-ack',
  'dose',
  'dose-check',
  'dose-draw',
  'infusion',
  'device',
  'vitals',
  'score',
  'side-effect',
  'side-effect-resolve',
  'alert-ack',
  'alert-resolve',
  'escort',
  'dissociation-check',
  'ready-without-time-rule',
  'discharge',
  'entered-in-error',
  'rems-submitted',
] as const
export type SessionAction = (typeof sessionActions)[number]

/** After check-in and before the dose starts: pre-checks, the dose and its acknowledgements. */
const beforeDosing: readonly SessionState[] = ['checked-in', 'pre-checks']
/**
 * The patient is at the chair: from check-in until the session ends. Such a session stays on
 * today's board and worklist after the clinic's midnight until it is discharged or stopped.
 */
export const atTheChair: readonly SessionState[] = [
  'checked-in',
  'pre-checks',
  'dosing',
  'monitoring',
  'ready-for-discharge',
]
/** From the first dose until discharge. */
const fromDosing: readonly SessionState[] = ['dosing', 'monitoring', 'ready-for-discharge']
/** After the dose is given and before discharge. */
const afterDosing: readonly SessionState[] = ['monitoring', 'ready-for-discharge']

const fromStatesOf = (events: (event: SessionEvent) => boolean): readonly SessionState[] =>
  sessionStates.filter((s) => sessionTransitions.some((t) => t.from === s && events(t.event)))

export const sessionActionStates: Readonly<Record<SessionAction, readonly SessionState[]>> = Object.freeze({
  transition: fromStatesOf((event) => event !== 'discharge'),
  'pre-checks': beforeDosing,
  // A prescriber may override failing pre-checks and a nurse may chart, score, grade a side effect,
  // handle an alert or correct an entry in any state: the record stays correctable after the session.
  'pre-check-override': sessionStates,
  supervision: sessionStates.filter((s) => !terminalStates.includes(s)),
  'cautions-ack': beforeDosing,
  dose: beforeDosing,
  'dose-check': sessionStates,
  'dose-draw': [...beforeDosing, 'dosing'],
  infusion: ['dosing'],
  device: ['dosing'],
  vitals: atTheChair,
  score: sessionStates,
  'side-effect': sessionStates,
  'side-effect-resolve': sessionStates,
  'alert-ack': sessionStates,
  'alert-resolve': sessionStates,
  escort: sessionStates,
  'dissociation-check': fromDosing,
  'ready-without-time-rule': [...afterDosing, 'discharged'],
  discharge: fromStatesOf((event) => event === 'discharge'),
  'entered-in-error': sessionStates,
  'rems-submitted': ['discharged'],
})

export function isActionAllowed(action: SessionAction, state: SessionState): boolean {
  return sessionActionStates[action].includes(state)
}

/** Esketamine (§3): the REMS "ready without the 2-hour rule" moment is met by charting in these. */
export const readyMomentChartingStates = afterDosing

/** From the first dose until discharge: monitoring prompts and post-dose scores are charted. */
export const isMonitoringOpen = (state: SessionState): boolean => fromDosing.includes(state)

/** The dose has been given and the patient is still at the chair. */
export const isAfterDosing = (state: SessionState): boolean => afterDosing.includes(state)

/** A vital sign's phase by the session's state (`null`: vitals are not charted then). */
export function vitalsContextOf(state: SessionState): 'pre' | 'intra' | 'post' | null {
  if (!isActionAllowed('vitals', state)) return null
  if (beforeDosing.includes(state)) return 'pre'
  return state === 'dosing' ? 'intra' : 'post'
}
