import { describe, expect, it } from 'vitest'
import { DomainValidationError } from '../errors'
import { qidsSr16 } from './qids-sr16'
import { answerAll, answerInOrder } from './test-helpers'

describe('QIDS-SR16 domain scoring (§4)', () => {
  it('takes the highest of the sleep, appetite/weight and psychomotor items, not their sum', () => {
    //                     sleep 1–4   mood app/wt 6–9  10 11 12 13 14 psy 15–16
    const answers = answerInOrder(qidsSr16, [1, 3, 2, 0, 2, 0, 1, 2, 0, 1, 1, 0, 2, 1, 1, 3])
    const result = qidsSr16.score(answers)
    expect(result.subscales).toEqual({
      sleep: 3,
      'sad-mood': 2,
      'appetite-weight': 2,
      concentration: 1,
      'self-view': 1,
      'suicidal-ideation': 0,
      interest: 2,
      energy: 1,
      psychomotor: 3,
    })
    expect(result.total).toBe(15)
    expect(result.band?.id).toBe('moderate')
  })

  it('scores all 3s as 27 (9 domains × 3), not 48', () => {
    expect(qidsSr16.score(answerAll(qidsSr16, 3)).total).toBe(27)
    expect(qidsSr16.score(answerAll(qidsSr16, 3)).band?.id).toBe('very-severe')
  })

  it.each([
    [5, 'none'],
    [6, 'mild'],
    [10, 'mild'],
    [11, 'moderate'],
    [15, 'moderate'],
    [16, 'severe'],
    [20, 'severe'],
    [21, 'very-severe'],
  ])('total %i is %s', (total, bandId) => {
    // Single-item domains 5, 10–14 (6 domains) and the first item of the others carry the points.
    const order = [5, 10, 11, 12, 13, 14, 1, 6, 15]
    const values = new Array<number>(16).fill(0)
    let remaining = total
    for (const itemNumber of order) {
      const take = Math.min(3, remaining)
      values[itemNumber - 1] = take
      remaining -= take
    }
    const result = qidsSr16.score(answerInOrder(qidsSr16, values))
    expect(result.total).toBe(total)
    expect(result.band?.id).toBe(bandId)
  })
})

describe('QIDS-SR16 either/or items (§4 form)', () => {
  const all1 = answerAll(qidsSr16, 1)

  it('scores a form answering 6 and 8 with 7 and 9 blank as complete', () => {
    const result = qidsSr16.score({ ...all1, qids_6: 2, qids_7: null, qids_8: 1, qids_9: null })
    expect(result.subscales['appetite-weight']).toBe(2)
    expect(result.total).toBe(10)
  })

  it('scores a form answering 7 and 9 (6 and 8 left out) as complete, taking the highest', () => {
    const { qids_6: _six, qids_8: _eight, ...rest } = all1
    expect(qidsSr16.score({ ...rest, qids_7: 3, qids_9: 2 }).subscales['appetite-weight']).toBe(3)
  })

  it('takes the highest when both of a pair are answered', () => {
    expect(qidsSr16.score({ ...all1, qids_6: 0, qids_7: 3 }).subscales['appetite-weight']).toBe(3)
  })

  it.each([
    [['qids_6', 'qids_7'], 'items.qids_6', /qids_7 \(appetite/],
    [['qids_8', 'qids_9'], 'items.qids_8', /qids_9 \(weight/],
  ])('refuses both of %j blank, naming the pair', (blank, field, reason) => {
    const answers = { ...all1, [blank[0]!]: null, [blank[1]!]: null }
    let caught: DomainValidationError | undefined
    try {
      qidsSr16.score(answers)
    } catch (error) {
      caught = error as DomainValidationError
    }
    expect(caught).toBeInstanceOf(DomainValidationError)
    expect(caught?.field).toBe(field)
    expect(caught?.reason).toMatch(reason)
  })

  it('still requires every item outside the pairs', () => {
    expect(() => qidsSr16.score({ ...all1, qids_12: null })).toThrow(/items.qids_12: is required/)
  })
})
