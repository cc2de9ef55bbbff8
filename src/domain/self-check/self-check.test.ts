import { describe, expect, it } from 'vitest'
import { type SelfCheckAnswers, summarizeSelfCheck } from '.'

const base: SelfCheckAnswers = {
  phq9: Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`phq9_${i + 1}`, 2])),
  antidepressantTrials: [
    { name: 'sertraline', duration: 'over-6-weeks' },
    { name: '', duration: 'over-6-weeks' },
  ],
  therapyTried: 'yes',
  safety: { pregnancy: 'no', highBloodPressure: 'not-sure', psychosis: 'no', substanceUse: 'no' },
}

describe('summarizeSelfCheck', () => {
  it('scores the PHQ-9 with the registry and flags item 9', () => {
    const summary = summarizeSelfCheck(base)
    expect(summary.score.total).toBe(18)
    expect(summary.hasSelfHarmThoughts).toBe(true)
    expect(summary.talkingPoints[0]).toMatch(/hurting yourself/)
  })

  it('lists each trial and never states a verdict', () => {
    const summary = summarizeSelfCheck({ ...base, phq9: { ...base.phq9, phq9_9: 0 } })
    expect(summary.hasSelfHarmThoughts).toBe(false)
    expect(summary.historyLines.map((l) => l.question)).toContain('Antidepressant 1 (sertraline)')
    const text = JSON.stringify(summary).toLowerCase()
    expect(text).not.toMatch(/you qualify|eligible|you should have/)
  })

  it('refuses an incomplete PHQ-9', () => {
    const { phq9_3: _, ...missing } = base.phq9
    expect(() => summarizeSelfCheck({ ...base, phq9: missing })).toThrow(/phq9_3/)
  })
})
