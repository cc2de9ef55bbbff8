import { describe, expect, it } from 'vitest'
import { buildTrial } from './test-trials'
import { type EctHistory, stageThaseRush } from './thase-rush'

const noEct: EctHistory = { used: false, bilateral: false, failed: false }
const failedBilateralEct: EctHistory = { used: true, bilateral: true, failed: true }
const stageOf = (classes: Parameters<typeof buildTrial>[0][], ect = noEct) =>
  stageThaseRush(
    classes.map((c, i) => buildTrial(c, { drug: `${c}-${i}` })),
    ect,
  ).stage

describe('Thase–Rush stages (§1)', () => {
  it('stage 0: no failed adequate trial', () => {
    expect(stageThaseRush([], noEct)).toMatchObject({ stage: 0, label: '0' })
  })

  it('stage I: one class failed, even twice', () => {
    const result = stageThaseRush([buildTrial('ssri'), buildTrial('ssri', { drug: 'other-ssri' })], noEct)
    expect(result).toMatchObject({ stage: 1, label: 'I' })
    expect(result.reasons.at(-1)).toMatch(/second class/)
  })

  it('stage II: two different classes', () => {
    expect(stageOf(['ssri', 'snri'])).toBe(2)
  })

  it('stage III: two classes and, beyond them, a TCA', () => {
    expect(stageThaseRush([buildTrial('ssri'), buildTrial('snri'), buildTrial('tca')], noEct)).toMatchObject({
      stage: 3,
      label: 'III',
    })
    // A second TCA trial is a further failure beyond the TCA that made stage II.
    expect(stageOf(['ssri', 'tca', 'tca'])).toBe(3)
  })

  it('§1 cumulative: a TCA as the second class of stage II does not also make stage III', () => {
    const result = stageThaseRush([buildTrial('ssri'), buildTrial('tca')], noEct)
    expect(result.stage).toBe(2)
    expect(result.reasons.at(-1)).toMatch(/beyond them/)
  })

  it('§1 cumulative: a TCA and an MAOI failure alone are stage II, not IV', () => {
    expect(stageOf(['tca', 'maoi'])).toBe(2)
    expect(stageOf(['tca', 'maoi'], failedBilateralEct)).toBe(2)
  })

  it('a TCA alone is still stage I (each stage requires the one before)', () => {
    expect(stageOf(['tca'])).toBe(1)
  })

  it('an MAOI without a TCA stops at stage II', () => {
    expect(stageOf(['ssri', 'maoi'])).toBe(2)
    expect(stageOf(['ssri', 'snri', 'maoi'])).toBe(2)
  })

  it('§1 cumulative: an MAOI that made stage II does not also make stage IV', () => {
    expect(stageOf(['ssri', 'tca', 'maoi'])).toBe(3)
  })

  it('stage IV: two classes, a TCA and an MAOI', () => {
    const trials = [buildTrial('ssri'), buildTrial('snri'), buildTrial('tca'), buildTrial('maoi')]
    expect(stageThaseRush(trials, noEct)).toMatchObject({ stage: 4, label: 'IV' })
    expect(stageThaseRush(trials, { used: true, bilateral: false, failed: true }).stage).toBe(4)
    expect(stageThaseRush(trials, { used: true, bilateral: true, failed: false }).stage).toBe(4)
  })

  it('stage V: also failed bilateral ECT', () => {
    const trials = [buildTrial('ssri'), buildTrial('atypical'), buildTrial('tca'), buildTrial('maoi')]
    const result = stageThaseRush(trials, failedBilateralEct)
    expect(result).toMatchObject({ stage: 5, label: 'V' })
    expect(result.reasons).toHaveLength(5)
  })

  it('failed bilateral ECT without the drug stages does not jump to V', () => {
    expect(stageOf(['ssri'], failedBilateralEct)).toBe(1)
  })

  it('§1: stages are monotone — adding a failed trial never lowers the stage', () => {
    const classes = ['ssri', 'snri', 'tca', 'maoi', 'atypical', 'other'] as const
    for (const a of classes)
      for (const b of classes)
        for (const c of classes)
          for (const extra of classes)
            expect(stageOf([a, b, c, extra], failedBilateralEct)).toBeGreaterThanOrEqual(
              stageOf([a, b, c], failedBilateralEct),
            )
  })
})
