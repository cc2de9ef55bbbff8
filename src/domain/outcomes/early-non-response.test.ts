import { describe, expect, it } from 'vitest'
import { DomainValidationError } from '../errors'
import { checkEarlyNonResponse } from './early-non-response'

describe('no response after 3 infusions (§2)', () => {
  it('flags for review when no assessment reached response by infusion 3', () => {
    const check = checkEarlyNonResponse({
      baselineTotal: 30,
      assessments: [
        { afterInfusion: 1, total: 26 },
        { afterInfusion: 3, total: 20 },
      ],
    })
    expect(check).toMatchObject({ status: 'no-response', shouldReview: true })
    expect(check.reason).toMatch(/after 3 infusions/)
  })

  it('does not flag a response at any infusion so far', () => {
    const check = checkEarlyNonResponse({
      baselineTotal: 30,
      assessments: [
        { afterInfusion: 2, total: 15 },
        { afterInfusion: 3, total: 18 },
      ],
    })
    expect(check).toMatchObject({ status: 'responded', shouldReview: false })
  })

  it('is too early after 2 infusions and not assessed with no scores', () => {
    expect(
      checkEarlyNonResponse({ baselineTotal: 30, assessments: [{ afterInfusion: 2, total: 29 }] }).status,
    ).toBe('too-early')
    expect(checkEarlyNonResponse({ baselineTotal: 30, assessments: [] }).status).toBe('not-assessed')
  })

  it('honours the infusion-count setting and rejects bad infusion numbers', () => {
    const input = { baselineTotal: 30, assessments: [{ afterInfusion: 2, total: 29 }] }
    expect(checkEarlyNonResponse(input, { reviewAfterInfusions: 2 }).shouldReview).toBe(true)
    expect(() =>
      checkEarlyNonResponse({ baselineTotal: 30, assessments: [{ afterInfusion: 0, total: 1 }] }),
    ).toThrow(DomainValidationError)
  })
})
