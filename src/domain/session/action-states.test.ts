import { describe, expect, it } from 'vitest'
import {
  isActionAllowed,
  type SessionAction,
  sessionActionStates,
  sessionActions,
  vitalsContextOf,
} from './action-states'
import { type SessionState, sessionStates } from './states'

// The expected table, written out state by state so a change to any action's states is seen here.
const S = 'scheduled'
const CI = 'checked-in'
const PC = 'pre-checks'
const D = 'dosing'
const M = 'monitoring'
const R = 'ready-for-discharge'
const DC = 'discharged'
const CA = 'cancelled'
const AB = 'aborted'
const all: SessionState[] = [S, CI, PC, D, M, R, DC, CA, AB]
const expected: Record<SessionAction, SessionState[]> = {
  transition: [S, CI, PC, D, M, R],
  'pre-checks': [CI, PC],
  'pre-check-override': all,
  supervision: [S, CI, PC, D, M, R],
  'cautions-ack': [CI, PC],
  dose: [CI, PC],
  'dose-check': all,
  'dose-draw': [CI, PC, D],
  infusion: [D],
  device: [D],
  vitals: [CI, PC, D, M, R],
  score: all,
  'side-effect': all,
  'side-effect-resolve': all,
  'alert-ack': all,
  'alert-resolve': all,
  escort: all,
  'dissociation-check': [D, M, R],
  'ready-without-time-rule': [M, R, DC],
  discharge: [R],
  'entered-in-error': all,
  'rems-submitted': [DC],
}

const cases = sessionActions.flatMap((action) =>
  sessionStates.map((state) => ({ action, state, isAllowed: expected[action].includes(state) })),
)

describe('chair-side actions by state', () => {
  it('lists every action once', () => {
    expect(Object.keys(sessionActionStates).sort()).toEqual([...sessionActions].sort())
  })

  it.each(cases)('$action in $state: allowed $isAllowed', ({ action, state, isAllowed }) => {
    expect(isActionAllowed(action, state)).toBe(isAllowed)
  })

  it.each([
    [S, null],
    [CI, 'pre'],
    [PC, 'pre'],
    [D, 'intra'],
    [M, 'post'],
    [R, 'post'],
    [DC, null],
    [CA, null],
    [AB, null],
  ] as const)('a vital sign charted in %s is %s', (state, context) => {
    expect(vitalsContextOf(state)).toBe(context)
  })
})
