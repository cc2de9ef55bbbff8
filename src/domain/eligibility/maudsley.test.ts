import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { describeMaudsley, type MaudsleyInput, type MaudsleyResult, scoreMaudsley } from './maudsley'

const base: MaudsleyInput = {
  episodeDurationMonths: 6,
  severity: 'subsyndromal',
  failedAntidepressantCount: 1,
  hasAugmentation: false,
  ect: { used: false, bilateral: false, failed: false },
}

function partsOf(result: MaudsleyResult) {
  if (!result.isApplicable) throw new Error('expected a scored result')
  return result.parts
}

describe('Maudsley Staging Method (§1, table 3)', () => {
  it.each([
    [12, 1],
    [12.5, 2],
    [13, 2],
    [24, 2],
    [25, 3],
  ])('episode of %d months scores %i', (months, points) => {
    expect(partsOf(scoreMaudsley({ ...base, episodeDurationMonths: months })).durationPoints).toBe(points)
  })

  it.each([
    [1, 1],
    [2, 1],
    [3, 2],
    [4, 2],
    [5, 3],
    [6, 3],
    [7, 4],
    [10, 4],
    [11, 5],
  ])('%i failed antidepressants score %i', (count, points) => {
    expect(
      partsOf(scoreMaudsley({ ...base, failedAntidepressantCount: count })).failedAntidepressantPoints,
    ).toBe(points)
  })

  it.each([
    ['subsyndromal', 1],
    ['mild', 2],
    ['moderate', 3],
    ['severe', 4],
    ['severe-psychotic', 5],
  ] as const)('severity %s scores %i', (severity, points) => {
    expect(partsOf(scoreMaudsley({ ...base, severity })).severityPoints).toBe(points)
  })

  it('minimum 3 is mild', () => {
    expect(scoreMaudsley(base)).toMatchObject({ total: 3, band: 'mild' })
  })

  it('6 is mild, 7 is moderate (band edge)', () => {
    // 2 (13 mo) + 3 (moderate) + 1 (2 failures) = 6
    const six = scoreMaudsley({
      ...base,
      episodeDurationMonths: 13,
      severity: 'moderate',
      failedAntidepressantCount: 2,
    })
    expect(six).toMatchObject({ total: 6, band: 'mild' })
    const seven = scoreMaudsley({
      ...base,
      episodeDurationMonths: 13,
      severity: 'moderate',
      failedAntidepressantCount: 2,
      hasAugmentation: true,
    })
    expect(seven).toMatchObject({ total: 7, band: 'moderate' })
  })

  it('10 is moderate, 11 is severe (band edge)', () => {
    // 3 (> 24 mo) + 4 (severe) + 2 (3 failures) + 1 augmentation = 10
    const ten: MaudsleyInput = {
      ...base,
      episodeDurationMonths: 30,
      severity: 'severe',
      failedAntidepressantCount: 3,
      hasAugmentation: true,
    }
    expect(scoreMaudsley(ten)).toMatchObject({ total: 10, band: 'moderate' })
    const eleven = scoreMaudsley({ ...ten, ect: { used: true, bilateral: false, failed: true } })
    expect(eleven).toMatchObject({ total: 11, band: 'severe' })
    expect(eleven.parts).toEqual({
      durationPoints: 3,
      severityPoints: 4,
      failedAntidepressantPoints: 2,
      augmentationPoints: 1,
      ectPoints: 1,
    })
  })

  it('maximum 15 is severe, with a reason per part', () => {
    const result = scoreMaudsley({
      episodeDurationMonths: 60,
      severity: 'severe-psychotic',
      failedAntidepressantCount: 12,
      hasAugmentation: true,
      ect: { used: true, bilateral: true, failed: true },
    })
    expect(result).toMatchObject({ total: 15, band: 'severe' })
    expect(result.reasons).toHaveLength(6)
  })

  it('§1: with no failed trial the stage is "not applicable", never a total of 2', () => {
    const result = scoreMaudsley({ ...base, failedAntidepressantCount: 0 })
    expect(result).toMatchObject({ isApplicable: false, total: null, band: null, parts: null })
    expect(result.reasons.join(' ')).toMatch(/not treatment-resistant/)
    expect(describeMaudsley(result)).toBe('not applicable')
    expect(describeMaudsley(scoreMaudsley(base))).toBe('3 (mild)')
  })

  it('refuses a failed-trial count that is not a whole number ≥ 0', () => {
    expect(() => scoreMaudsley({ ...base, failedAntidepressantCount: -1 })).toThrow(
      /failedAntidepressantCount/,
    )
    expect(() => scoreMaudsley({ ...base, failedAntidepressantCount: 1.5 })).toThrow(
      /failedAntidepressantCount/,
    )
  })

  it('§1 property: every applicable total runs 3–15 and matches its band', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 240, noNaN: true }),
        fc.constantFrom('subsyndromal', 'mild', 'moderate', 'severe', 'severe-psychotic' as const),
        fc.integer({ min: 0, max: 30 }),
        fc.boolean(),
        fc.boolean(),
        (episodeDurationMonths, severity, failedAntidepressantCount, hasAugmentation, ectUsed) => {
          const result = scoreMaudsley({
            episodeDurationMonths,
            severity,
            failedAntidepressantCount,
            hasAugmentation,
            ect: { used: ectUsed, bilateral: false, failed: false },
          })
          if (!result.isApplicable) return failedAntidepressantCount === 0
          const band = result.total <= 6 ? 'mild' : result.total <= 10 ? 'moderate' : 'severe'
          return result.total >= 3 && result.total <= 15 && result.band === band
        },
      ),
    )
  })
})
