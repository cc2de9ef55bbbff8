import { describe, expect, it } from 'vitest'
import { DomainValidationError } from '../errors'
import { buildTrial } from './test-trials'
import { assessTrd, type TrdInput } from './trd'

const noEct = { used: false, bilateral: false, failed: false }
const input = (trials: TrdInput['trials']): TrdInput => ({
  trials,
  ect: noEct,
  episodeDurationMonths: 18,
  severity: 'moderate',
})

describe('TRD definition (§1)', () => {
  it('two failed adequate current-episode trials meet the definition', () => {
    const result = assessTrd(input([buildTrial('ssri'), buildTrial('snri', { outcome: 'partial' })]))
    expect(result.isTrd).toBe(true)
    expect(result.failedAdequateTrials).toHaveLength(2)
    expect(result.thaseRush.stage).toBe(2)
    expect(result.maudsley).toMatchObject({ total: 6, band: 'mild' }) // 2 + 3 + 1
    expect(result.reasons[1]).toMatch(/meets the definition/)
  })

  it('one failed trial does not', () => {
    const result = assessTrd(input([buildTrial('ssri'), buildTrial('snri', { outcome: 'response' })]))
    expect(result.isTrd).toBe(false)
    expect(result.adequateTrials).toHaveLength(2)
    expect(result.failedAdequateTrials).toHaveLength(1)
    expect(result.reasons[1]).toMatch(/does not meet/)
  })

  it('weeks below the setting, low dose, or incomplete adherence make a trial inadequate, with reasons', () => {
    const trials = [
      buildTrial('ssri', { weeks: 5 }),
      buildTrial('snri', { doseAdequate: false }),
      buildTrial('tca', { adherence: 'partial' }),
    ]
    const result = assessTrd(input(trials))
    expect(result.adequateTrials).toHaveLength(0)
    expect(result.isTrd).toBe(false)
    expect(result.trialReviews[0]?.reasons[0]).toMatch(/5 weeks, fewer than the 6 required/)
    expect(result.trialReviews[1]?.reasons[0]).toMatch(/dose below/)
    expect(result.trialReviews[2]?.reasons[0]).toMatch(/pseudo-resistance/)
  })

  it('minAdequateWeeks is a clinic setting (4–8)', () => {
    const trials = [buildTrial('ssri', { weeks: 4 }), buildTrial('snri', { weeks: 4 })]
    expect(assessTrd(input(trials)).isTrd).toBe(false)
    expect(assessTrd(input(trials), { minAdequateWeeks: 4, minFailedTrials: 2 }).isTrd).toBe(true)
    expect(() => assessTrd(input(trials), { minAdequateWeeks: 3, minFailedTrials: 2 })).toThrow(
      DomainValidationError,
    )
    expect(() => assessTrd(input(trials), { minAdequateWeeks: 9, minFailedTrials: 2 })).toThrow(
      DomainValidationError,
    )
  })

  it('earlier-episode trials and intolerance do not count as failures', () => {
    const trials = [
      buildTrial('ssri', { isCurrentEpisode: false }),
      buildTrial('snri', { outcome: 'intolerance' }),
    ]
    const result = assessTrd(input(trials))
    expect(result.failedAdequateTrials).toHaveLength(0)
    expect(result.adequateTrials).toHaveLength(1)
    expect(result.trialReviews[0]?.reasons.join(' ')).toMatch(/earlier episode/)
    expect(result.trialReviews[1]?.reasons.join(' ')).toMatch(/intolerance/)
  })

  it('augmentation in the current episode adds a Maudsley point', () => {
    const result = assessTrd(input([buildTrial('ssri', { augmentation: true }), buildTrial('snri')]))
    expect(result.maudsley.parts?.augmentationPoints).toBe(1)
  })

  it('§1: no failed adequate trial gives Thase–Rush stage 0 and no Maudsley stage', () => {
    const result = assessTrd(input([buildTrial('ssri', { outcome: 'response' })]))
    expect(result.thaseRush.stage).toBe(0)
    expect(result.maudsley).toMatchObject({ isApplicable: false, total: null })
  })

  it('rejects invalid input naming the field', () => {
    const fieldOf = (fn: () => unknown) => {
      try {
        fn()
      } catch (error) {
        if (error instanceof DomainValidationError) return error.field
      }
      return undefined
    }
    expect(fieldOf(() => assessTrd(input([buildTrial('ssri', { weeks: -1 })])))).toBe('trials[0].weeks')
    expect(fieldOf(() => assessTrd({ ...input([]), episodeDurationMonths: Number.NaN }))).toBe(
      'episodeDurationMonths',
    )
    expect(
      fieldOf(() => assessTrd({ ...input([]), ect: { used: false, bilateral: true, failed: true } })),
    ).toBe('ect.used')
    expect(fieldOf(() => assessTrd(input([]), { minAdequateWeeks: 6, minFailedTrials: 0 }))).toBe(
      'settings.minFailedTrials',
    )
  })
})
