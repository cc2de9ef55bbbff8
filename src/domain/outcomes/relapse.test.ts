import { describe, expect, it } from 'vitest'
import { DomainValidationError } from '../errors'
import { assessRelapse, type DatedTotal, measureTimeToRelapse } from './relapse'

const day = (n: number) => new Date(Date.UTC(2025, 0, 1 + n))
const series = (...points: Array<[number, number]>): DatedTotal[] =>
  points.map(([d, total]) => ({ at: day(d), total }))
/** Relapse of a course from its baseline and its later (day, total) scores. */
const relapseOf = (
  instrumentId: 'madrs' | 'phq9',
  baselineTotal: number,
  ...points: Array<[number, number]>
) => assessRelapse({ instrumentId, baselineTotal, assessments: series(...points) })

describe('relapse (⚠️ default definition, §4)', () => {
  it('response lost on two consecutive assessments ≥ 7 days apart is relapse at the second', () => {
    // MADRS baseline 30: response ≤ 15.
    const result = relapseOf('madrs', 30, [7, 14], [21, 20], [28, 22])
    expect(result.respondedAt).toEqual(day(7))
    expect(result.relapsedAt).toEqual(day(28))
    expect(measureTimeToRelapse(result)).toEqual({ timeDays: 21, isEvent: true })
  })

  it('two non-response assessments only 3 days apart are not yet relapse; a third completes the span', () => {
    const early = series([7, 14], [21, 20], [24, 20])
    expect(
      assessRelapse({ instrumentId: 'madrs', baselineTotal: 30, assessments: early }).relapsedAt,
    ).toBeNull()
    const later = [...early, ...series([28, 19])]
    expect(
      assessRelapse({ instrumentId: 'madrs', baselineTotal: 30, assessments: later }).relapsedAt,
    ).toEqual(day(28))
  })

  it('a response in between resets the run', () => {
    const result = relapseOf('madrs', 30, [7, 14], [21, 20], [25, 12], [30, 20])
    expect(result.relapsedAt).toBeNull()
    expect(result.lastAssessedAt).toEqual(day(30))
    expect(measureTimeToRelapse(result)).toEqual({ timeDays: 23, isEvent: false })
  })

  it('PHQ-9 ≥ 10 after remission is relapse at once', () => {
    // Baseline 20: remission ≤ 4 on day 10, then 10 on day 12 (also still not a 7-day span).
    const result = relapseOf('phq9', 20, [10, 4], [12, 10])
    expect(result.remittedAt).toEqual(day(10))
    expect(result.relapsedAt).toEqual(day(12))
    expect(result.reasons.at(-1)).toMatch(/PHQ-9 10 ≥ 10 after remission/)
  })

  it('PHQ-9 9 after remission is not relapse by that rule', () => {
    const result = relapseOf('phq9', 20, [10, 4], [12, 9])
    expect(result.relapsedAt).toBeNull()
  })

  it('without response there is no relapse, and no time to relapse', () => {
    const result = relapseOf('madrs', 30, [7, 25], [21, 28])
    expect(result.relapsedAt).toBeNull()
    expect(result.reasons.at(-1)).toMatch(/does not apply/)
    expect(measureTimeToRelapse(result)).toBeNull()
  })

  it('sorts assessments by date and rejects invalid dates naming the entry', () => {
    const unsorted = series([28, 22], [7, 14], [21, 20])
    expect(
      assessRelapse({ instrumentId: 'madrs', baselineTotal: 30, assessments: unsorted }).relapsedAt,
    ).toEqual(day(28))
    const bad = [{ at: new Date('nope'), total: 3 }]
    expect(() => assessRelapse({ instrumentId: 'madrs', baselineTotal: 30, assessments: bad })).toThrow(
      DomainValidationError,
    )
    expect(() => assessRelapse({ instrumentId: 'madrs', baselineTotal: 30, assessments: bad })).toThrow(
      /assessments\[0\]\.at/,
    )
  })

  it('the span is a setting', () => {
    const assessments = series([7, 14], [21, 20], [24, 20])
    const result = assessRelapse(
      { instrumentId: 'madrs', baselineTotal: 30, assessments },
      { minDaysOfLostResponse: 3, phq9RelapseMinTotal: 10 },
    )
    expect(result.relapsedAt).toEqual(day(24))
  })
})
