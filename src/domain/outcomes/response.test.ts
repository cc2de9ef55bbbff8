import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { DomainValidationError } from '../errors'
import { assessResponse, calculatePercentChange, DEFAULT_OUTCOME_SETTINGS } from './response'

describe('response and remission (§4)', () => {
  it('percent change is signed: improvement is negative', () => {
    expect(calculatePercentChange(30, 12)).toBeCloseTo(-60)
    expect(calculatePercentChange(20, 25)).toBeCloseTo(25)
  })

  it('exactly 50 % reduction is response, 49 % is not', () => {
    expect(assessResponse({ instrumentId: 'madrs', baselineTotal: 30, currentTotal: 15 }).isResponse).toBe(
      true,
    )
    expect(
      assessResponse({ instrumentId: 'madrs', baselineTotal: 100 / 3, currentTotal: 50 / 3 }).isResponse,
    ).toBe(true)
    expect(assessResponse({ instrumentId: 'madrs', baselineTotal: 30, currentTotal: 16 }).isResponse).toBe(
      false,
    )
  })

  it.each([
    ['madrs', 10, true],
    ['madrs', 11, false],
    ['phq9', 4, true],
    ['phq9', 5, false],
    ['qids-sr16', 5, true],
    ['qids-sr16', 6, false],
    ['hamd17', 7, true],
    ['hamd17', 8, false],
  ] as const)('%s total %i: remission %s', (instrumentId, currentTotal, expected) => {
    expect(assessResponse({ instrumentId, baselineTotal: 30, currentTotal }).isRemission).toBe(expected)
  })

  it('remission is null for instruments without a threshold, and thresholds are settings', () => {
    expect(
      assessResponse({ instrumentId: 'gad7', baselineTotal: 15, currentTotal: 2 }).isRemission,
    ).toBeNull()
    const lenient = { ...DEFAULT_OUTCOME_SETTINGS, remissionMaxTotal: { madrs: 12 } }
    expect(
      assessResponse({ instrumentId: 'madrs', baselineTotal: 30, currentTotal: 12 }, lenient).isRemission,
    ).toBe(true)
  })

  it('a zero or invalid baseline is rejected naming the field', () => {
    expect(() => calculatePercentChange(0, 0)).toThrow(DomainValidationError)
    expect(() => calculatePercentChange(Number.NaN, 3)).toThrow(/baselineTotal/)
    expect(() => calculatePercentChange(10, -1)).toThrow(/currentTotal/)
  })

  it('response agrees with the percent change for any totals', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 0, max: 60 }), (baseline, current) => {
        const result = assessResponse({
          instrumentId: 'madrs',
          baselineTotal: baseline,
          currentTotal: current,
        })
        expect(result.isResponse).toBe(current * 2 <= baseline)
        expect(result.percentChangeFromBaseline).toBeGreaterThanOrEqual(-100)
      }),
    )
  })
})
