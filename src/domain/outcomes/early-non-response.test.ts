import { describe, expect, it } from 'vitest'
import { DomainValidationError } from '../errors'
import { checkEarlyNonResponse } from './early-non-response'

/** Assessments from a baseline of 30, as [after infusion, total] pairs. */
const fromBaseline30 = (...scores: [afterInfusion: number, total: number][]) => ({
  baselineTotal: 30,
  assessments: scores.map(([afterInfusion, total]) => ({ afterInfusion, total })),
})

describe('no response after 3 infusions (§2)', () => {
  it('flags for review when no assessment reached response by infusion 3', () => {
    const check = checkEarlyNonResponse(fromBaseline30([1, 26], [3, 20]))
    expect(check).toMatchObject({ status: 'no-response', shouldReview: true })
    expect(check.reason).toMatch(/after 3 infusions/)
  })

  it('does not flag a response at any infusion so far', () => {
    const check = checkEarlyNonResponse(fromBaseline30([2, 15], [3, 18]))
    expect(check).toMatchObject({ status: 'responded', shouldReview: false })
  })

  it('is too early after 2 infusions and not assessed with no scores', () => {
    expect(checkEarlyNonResponse(fromBaseline30([2, 29])).status).toBe('too-early')
    expect(checkEarlyNonResponse(fromBaseline30()).status).toBe('not-assessed')
  })

  it('honours the infusion-count setting and rejects bad infusion numbers', () => {
    expect(checkEarlyNonResponse(fromBaseline30([2, 29]), { reviewAfterInfusions: 2 }).shouldReview).toBe(
      true,
    )
    expect(() => checkEarlyNonResponse(fromBaseline30([0, 1]))).toThrow(DomainValidationError)
  })
})
