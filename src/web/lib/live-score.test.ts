import { describe, expect, it } from 'vitest'
import { cssrsScreen, phq9, qidsSr16 } from '../../domain/instruments'
import { askedItems, scoreLive } from './live-score'

describe('scoreLive', () => {
  it('adds up a half-filled PHQ-9 and flags item 9 before the form is complete', () => {
    const live = scoreLive(phq9, { phq9_1: 2, phq9_2: 3, phq9_9: 1 })!
    expect(live).toMatchObject({ total: 6, isComplete: false, answeredCount: 3, askedCount: 9 })
    expect(live.band?.id).toBe('mild')
    expect(live.flags[0]?.severity).toBe('urgent')
  })

  it('follows the C-SSRS skip logic and sends only asked items', () => {
    expect(askedItems(cssrsScreen, { cssrs_2: false }).map((i) => i.id)).toEqual([
      'cssrs_1',
      'cssrs_2',
      'cssrs_6',
    ])
    expect(askedItems(cssrsScreen, { cssrs_2: true, cssrs_6: true })).toHaveLength(7)
    const live = scoreLive(cssrsScreen, { cssrs_1: true, cssrs_2: false, cssrs_3: true, cssrs_6: false })!
    expect(live.answersToSend).toEqual({ cssrs_1: true, cssrs_2: false, cssrs_6: false })
    expect(live).toMatchObject({ isComplete: true, band: { id: 'low' } })
  })

  it('shows high risk as soon as item 4 is yes', () => {
    const live = scoreLive(cssrsScreen, { cssrs_1: true, cssrs_2: true, cssrs_4: true })!
    expect(live.band?.id).toBe('high')
    expect(live.flags[0]?.severity).toBe('urgent')
  })

  it('counts a QIDS-SR16 with one of each either/or pair answered as complete (§4 form)', () => {
    const answers = Object.fromEntries(qidsSr16.items.map((item) => [item.id, 1]))
    const { qids_8: _left, ...without8 } = answers
    const live = scoreLive(qidsSr16, { ...without8, qids_7: null })!
    expect(live).toMatchObject({ isComplete: true, answeredCount: 14, askedCount: 14, total: 9 })
    expect(live.answersToSend).not.toHaveProperty('qids_7')
    const missingPair = scoreLive(qidsSr16, { ...answers, qids_6: null, qids_7: null })!
    expect(missingPair).toMatchObject({ isComplete: false, askedCount: 16 })
  })

  it('flags QIDS-SR16 item 12 at 1 as a warning and 2 as urgent (§4)', () => {
    expect(scoreLive(qidsSr16, { qids_12: 1 })!.flags[0]?.severity).toBe('warning')
    expect(scoreLive(qidsSr16, { qids_12: 2 })!.flags[0]?.severity).toBe('urgent')
  })
})
