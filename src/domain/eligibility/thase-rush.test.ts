import { describe, expect, it } from 'vitest'
import { buildTrial } from './test-trials'
import { type EctHistory, stageThaseRush } from './thase-rush'

const noEct: EctHistory = { used: false, bilateral: false, failed: false }
const failedBilateralEct: EctHistory = { used: true, bilateral: true, failed: true }

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
    expect(stageThaseRush([buildTrial('ssri'), buildTrial('snri')], noEct).stage).toBe(2)
  })

  it('stage III: two classes including a TCA', () => {
    expect(stageThaseRush([buildTrial('ssri'), buildTrial('tca')], noEct)).toMatchObject({
      stage: 3,
      label: 'III',
    })
  })

  it('a TCA alone is still stage I (each stage requires the one before)', () => {
    expect(stageThaseRush([buildTrial('tca')], noEct).stage).toBe(1)
  })

  it('an MAOI without a TCA stops at stage II', () => {
    expect(stageThaseRush([buildTrial('ssri'), buildTrial('maoi')], noEct).stage).toBe(2)
  })

  it('stage IV: also an MAOI', () => {
    const trials = [buildTrial('ssri'), buildTrial('tca'), buildTrial('maoi')]
    expect(stageThaseRush(trials, noEct)).toMatchObject({ stage: 4, label: 'IV' })
    expect(stageThaseRush(trials, { used: true, bilateral: false, failed: true }).stage).toBe(4)
    expect(stageThaseRush(trials, { used: true, bilateral: true, failed: false }).stage).toBe(4)
  })

  it('stage V: also failed bilateral ECT', () => {
    const trials = [buildTrial('ssri'), buildTrial('tca'), buildTrial('maoi')]
    const result = stageThaseRush(trials, failedBilateralEct)
    expect(result).toMatchObject({ stage: 5, label: 'V' })
    expect(result.reasons).toHaveLength(5)
  })

  it('failed bilateral ECT without the drug stages does not jump to V', () => {
    expect(stageThaseRush([buildTrial('ssri')], failedBilateralEct).stage).toBe(1)
  })
})
