import { describe, expect, it } from 'vitest'
import {
  applyTransition,
  listTransitions,
  type SessionContext,
  type SessionState,
  sessionStates,
  sessionTransitions,
  terminalStates,
} from './states'

const ready: SessionContext = {
  isConsentCurrent: true,
  isPlanApproved: true,
  preChecks: 'passed',
  isSupervisingPrescriberPresent: true,
  isDoseAdministered: true,
  isDischargeReady: true,
  hasOpenSuicideAlert: false,
  reason: 'patient request',
}

describe('session state machine', () => {
  it('walks the happy path to discharged', () => {
    const events = [
      'check-in',
      'start-pre-checks',
      'start-dosing',
      'finish-dosing',
      'mark-ready',
      'discharge',
    ] as const
    let state: SessionState = 'scheduled'
    for (const event of events) {
      const result = applyTransition(state, event, ready)
      expect(result.isAllowed).toBe(true)
      if (result.isAllowed) state = result.state
    }
    expect(state).toBe('discharged')
  })

  it('explains every guard that blocks dosing', () => {
    const ctx: SessionContext = {
      ...ready,
      isConsentCurrent: false,
      preChecks: 'failed',
      isSupervisingPrescriberPresent: false,
    }
    const start = listTransitions('pre-checks', ctx).find((o) => o.event === 'start-dosing')!
    expect(start.isAllowed).toBe(false)
    expect(start.blockedBy.map((b) => b.guard)).toEqual([
      'consent-current',
      'pre-checks-passed-or-overridden',
      'supervising-prescriber-present',
    ])
    expect(start.blockedBy[1]!.reason).toMatch(/override/)
  })

  it('accepts overridden pre-checks', () => {
    expect(applyTransition('pre-checks', 'start-dosing', { ...ready, preChecks: 'overridden' })).toEqual({
      isAllowed: true,
      state: 'dosing',
    })
  })

  it('needs a reason to cancel or abort, and cancels only before dosing', () => {
    expect(applyTransition('checked-in', 'cancel', { ...ready, reason: '  ' }).isAllowed).toBe(false)
    expect(applyTransition('dosing', 'abort', ready)).toEqual({ isAllowed: true, state: 'aborted' })
    expect(() => applyTransition('dosing', 'cancel', ready)).toThrow(/not possible/)
  })

  it('is a complete table: terminal states have no exits, every state is reachable', () => {
    for (const s of terminalStates) expect(sessionTransitions.filter((t) => t.from === s)).toEqual([])
    for (const s of sessionStates.filter((x) => !terminalStates.includes(x))) {
      expect(sessionTransitions.some((t) => t.from === s)).toBe(true)
    }
    const reached = new Set<SessionState>(['scheduled'])
    for (let i = 0; i < sessionStates.length; i++)
      for (const t of sessionTransitions) if (reached.has(t.from)) reached.add(t.to)
    expect([...reached].sort()).toEqual([...sessionStates].sort())
  })
})

describe('a suicidal-ideation alert holds discharge (§4)', () => {
  it('blocks discharge, not marking ready, until the alert is acknowledged', () => {
    const open = { ...ready, hasOpenSuicideAlert: true }
    expect(applyTransition('monitoring', 'mark-ready', open).isAllowed).toBe(true)
    const blocked = applyTransition('ready-for-discharge', 'discharge', open)
    expect(blocked).toEqual({
      isAllowed: false,
      blockedBy: [{ guard: 'suicide-alerts-acknowledged', reason: expect.stringMatching(/acknowledge/) }],
    })
    expect(applyTransition('ready-for-discharge', 'discharge', ready).isAllowed).toBe(true)
  })
})
