import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { DomainValidationError } from '../errors'
import { estimateKaplanMeier, type SurvivalObservation } from './kaplan-meier'

// Hand-worked: 7 patients; relapse at 3, 6, 6, 10; censored at 5, 8, 12.
//   t=3  n=7 d=1  S = 6/7                 Greenwood Σ = 1/42
//   t=6  n=5 d=2  S = 6/7·3/5 = 18/35     Σ += 2/15
//   t=10 n=2 d=1  S = 18/35·1/2 = 9/35    Σ += 1/2
const observations: SurvivalObservation[] = [
  { timeDays: 3, isEvent: true },
  { timeDays: 5, isEvent: false },
  { timeDays: 6, isEvent: true },
  { timeDays: 6, isEvent: true },
  { timeDays: 8, isEvent: false },
  { timeDays: 10, isEvent: true },
  { timeDays: 12, isEvent: false },
]

describe('Kaplan–Meier (hand-worked example)', () => {
  const estimate = estimateKaplanMeier(observations)

  it('steps down only at events, with risk sets shrinking after censoring', () => {
    expect(estimate.steps.map((s) => [s.timeDays, s.atRisk, s.events, s.censored])).toEqual([
      [3, 7, 1, 0],
      [5, 6, 0, 1],
      [6, 5, 2, 0],
      [8, 3, 0, 1],
      [10, 2, 1, 0],
      [12, 1, 0, 1],
    ])
    const survival = estimate.steps.map((s) => s.survival)
    expect(survival[0]).toBeCloseTo(6 / 7, 12)
    expect(survival[1]).toBeCloseTo(6 / 7, 12)
    expect(survival[2]).toBeCloseTo(18 / 35, 12)
    expect(survival[4]).toBeCloseTo(9 / 35, 12)
    expect(survival[5]).toBeCloseTo(9 / 35, 12)
  })

  it('Greenwood standard errors', () => {
    expect(estimate.steps[0]?.standardError).toBeCloseTo((6 / 7) * Math.sqrt(1 / 42), 10)
    expect(estimate.steps[2]?.standardError).toBeCloseTo((18 / 35) * Math.sqrt(1 / 42 + 2 / 15), 10)
    expect(estimate.steps[4]?.standardError).toBeCloseTo(0.208451, 5)
  })

  it('log-log 95 % band (as R survfit conf.type = "log-log")', () => {
    expect(estimate.steps[0]?.lower).toBeCloseTo(0.334054, 5)
    expect(estimate.steps[0]?.upper).toBeCloseTo(0.978561, 5)
    expect(estimate.steps[2]?.lower).toBeCloseTo(0.11776, 5)
    expect(estimate.steps[2]?.upper).toBeCloseTo(0.813249, 5)
    expect(estimate.steps[4]?.lower).toBeCloseTo(0.012584, 5)
    expect(estimate.steps[4]?.upper).toBeCloseTo(0.656016, 5)
  })

  it('plain band is clipped to [0, 1]', () => {
    const plain = estimateKaplanMeier(observations, 'plain')
    expect(plain.steps[0]?.upper).toBe(1)
    expect(plain.steps[2]?.lower).toBeCloseTo(0.114709, 5)
    expect(plain.steps[4]?.lower).toBe(0)
  })

  it('median is the first time S ≤ 0.5, with its interval read off the band', () => {
    expect(estimate.medianDays).toBe(10)
    expect(estimate.medianLowerDays).toBe(3)
    expect(estimate.medianUpperDays).toBeNull()
  })
})

describe('Kaplan–Meier edge cases', () => {
  it('no events: S stays 1, no median', () => {
    const estimate = estimateKaplanMeier([
      { timeDays: 4, isEvent: false },
      { timeDays: 9, isEvent: false },
    ])
    expect(estimate.steps.every((s) => s.survival === 1 && s.lower === 1 && s.upper === 1)).toBe(true)
    expect(estimate.medianDays).toBeNull()
  })

  it('all remaining subjects relapse: S reaches 0 and the band is not estimable', () => {
    const estimate = estimateKaplanMeier([
      { timeDays: 2, isEvent: true },
      { timeDays: 4, isEvent: true },
    ])
    expect(estimate.steps.at(-1)).toMatchObject({
      survival: 0,
      standardError: null,
      lower: null,
      upper: null,
    })
    expect(estimate.medianDays).toBe(2)
    expect(estimate.medianUpperDays).toBe(4)
  })

  it('an empty cohort has no steps; a negative time is rejected naming the entry', () => {
    expect(estimateKaplanMeier([])).toEqual({
      steps: [],
      medianDays: null,
      medianLowerDays: null,
      medianUpperDays: null,
    })
    expect(() => estimateKaplanMeier([{ timeDays: -1, isEvent: true }])).toThrow(DomainValidationError)
    expect(() => estimateKaplanMeier([{ timeDays: -1, isEvent: true }])).toThrow(
      /observations\[0\]\.timeDays/,
    )
  })

  it('survival never increases and stays in [0, 1]; the band contains S', () => {
    const observation = fc.record({ timeDays: fc.integer({ min: 0, max: 365 }), isEvent: fc.boolean() })
    fc.assert(
      fc.property(fc.array(observation, { maxLength: 60 }), (obs) => {
        let previous = 1
        for (const step of estimateKaplanMeier(obs).steps) {
          expect(step.survival).toBeLessThanOrEqual(previous + 1e-12)
          expect(step.survival).toBeGreaterThanOrEqual(0)
          if (step.lower !== null) expect(step.lower).toBeLessThanOrEqual(step.survival + 1e-12)
          if (step.upper !== null) expect(step.upper).toBeGreaterThanOrEqual(step.survival - 1e-12)
          previous = step.survival
        }
      }),
    )
  })
})
