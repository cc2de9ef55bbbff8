import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { DomainValidationError } from '../errors'
import { instruments } from './registry'
import type { Answers, Instrument } from './types'

const numericInstruments = instruments.filter((i) => i.id !== 'cssrs-screen')

/** Any complete, valid set of answers for an instrument. */
function validAnswers(instrument: Instrument): fc.Arbitrary<Answers> {
  return fc.record(
    Object.fromEntries(
      instrument.items.map((item) => [item.id, fc.constantFrom(...item.options.map((o) => o.value))]),
    ),
  )
}

describe.each(numericInstruments.map((i) => [i.id, i] as const))('%s properties', (_, instrument) => {
  it('scores every valid answer set within range, with a band when bands exist', () => {
    fc.assert(
      fc.property(validAnswers(instrument), (answers) => {
        const { total, band } = instrument.score(answers)
        expect(total).toBeGreaterThanOrEqual(instrument.totalRange.min)
        expect(total).toBeLessThanOrEqual(instrument.totalRange.max)
        if (instrument.bands.length > 0) expect(band).not.toBeNull()
      }),
    )
  })

  it('rejects any out-of-range answer, naming the item', () => {
    const itemIndex = fc.integer({ min: 0, max: instrument.items.length - 1 })
    const badValue = fc.oneof(
      fc.integer({ min: -1000, max: 1000 }),
      fc.double({ noNaN: false }),
      fc.boolean(),
      fc.constant(null),
    )
    fc.assert(
      fc.property(validAnswers(instrument), itemIndex, badValue, (answers, index, value) => {
        const item = instrument.items[index]!
        fc.pre(!item.options.some((o) => o.value === value))
        // A blank either/or item is valid when its pair is answered (QIDS-SR16 6/7, 8/9, §4 form).
        const isPaired = instrument.eitherOr?.some((g) => g.itemIds.includes(item.id)) ?? false
        fc.pre(!(isPaired && value === null))
        const bad = { ...answers, [item.id]: value }
        let caught: unknown
        try {
          instrument.score(bad)
        } catch (error) {
          caught = error
        }
        expect(caught).toBeInstanceOf(DomainValidationError)
        expect((caught as DomainValidationError).field).toBe(`items.${item.id}`)
      }),
    )
  })
})

describe('cssrs-screen properties', () => {
  const cssrs = instruments.find((i) => i.id === 'cssrs-screen')!
  const yesNo = fc.boolean()
  const skipLogicAnswers = fc
    .record({ c1: yesNo, c2: yesNo, c3: yesNo, c4: yesNo, c5: yesNo, c6: yesNo, recent: yesNo })
    .map(({ c1, c2, c3, c4, c5, c6, recent }) => ({
      cssrs_1: c1,
      cssrs_2: c2,
      cssrs_3: c2 ? c3 : null,
      cssrs_4: c2 ? c4 : null,
      cssrs_5: c2 ? c5 : null,
      cssrs_6: c6,
      cssrs_6_recent: c6 ? recent : null,
    }))

  it('scores every answer set that follows the skip logic within 0–3', () => {
    fc.assert(
      fc.property(skipLogicAnswers, (answers) => {
        const { total } = cssrs.score(answers)
        expect(total).toBeGreaterThanOrEqual(0)
        expect(total).toBeLessThanOrEqual(3)
      }),
    )
  })
})
