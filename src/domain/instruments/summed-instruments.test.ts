import { describe, expect, it } from 'vitest'
import { DomainValidationError } from '../errors'
import { aldrete } from './aldrete'
import { bprs4 } from './bprs4'
import { cadss } from './cadss'
import { gad7 } from './gad7'
import { hamd17 } from './hamd17'
import { madrs } from './madrs'
import { moaas } from './moaas'
import { phq9 } from './phq9'
import { answerAll, answersForTotal } from './test-helpers'
import type { Instrument } from './types'

// Each band boundary of §4: [instrument, total, expected band id].
const BOUNDARIES: Array<[Instrument, number, string]> = [
  [phq9, 0, 'none-minimal'],
  [phq9, 4, 'none-minimal'],
  [phq9, 5, 'mild'],
  [phq9, 9, 'mild'],
  [phq9, 10, 'moderate'],
  [phq9, 14, 'moderate'],
  [phq9, 15, 'moderately-severe'],
  [phq9, 19, 'moderately-severe'],
  [phq9, 20, 'severe'],
  [phq9, 27, 'severe'],
  [gad7, 4, 'minimal'],
  [gad7, 5, 'mild'],
  [gad7, 9, 'mild'],
  [gad7, 10, 'moderate'],
  [gad7, 14, 'moderate'],
  [gad7, 15, 'severe'],
  [gad7, 21, 'severe'],
  [madrs, 6, 'normal'],
  [madrs, 7, 'mild'],
  [madrs, 19, 'mild'],
  [madrs, 20, 'moderate'],
  [madrs, 34, 'moderate'],
  [madrs, 35, 'severe'],
  [madrs, 60, 'severe'],
  [hamd17, 7, 'normal'],
  [hamd17, 8, 'mild'],
  [hamd17, 13, 'mild'],
  [hamd17, 14, 'moderate'],
  [hamd17, 18, 'moderate'],
  [hamd17, 19, 'severe'],
  [hamd17, 22, 'severe'],
  [hamd17, 23, 'very-severe'],
  [hamd17, 52, 'very-severe'],
]

describe('band boundaries (§4)', () => {
  it.each(BOUNDARIES)('%s total %i is %s', (instrument, total, bandId) => {
    const result = instrument.score(answersForTotal(instrument, total))
    expect(result.total).toBe(total)
    expect(result.band?.id).toBe(bandId)
  })
})

describe('total ranges (§4)', () => {
  it.each([
    [phq9, 0, 27],
    [gad7, 0, 21],
    [madrs, 0, 60],
    [hamd17, 0, 52],
    [moaas, 0, 5],
    [aldrete, 0, 10],
    [cadss, 0, 108],
    [bprs4, 4, 28],
  ] as Array<[Instrument, number, number]>)('%s spans %i–%i', (instrument, min, max) => {
    expect(instrument.totalRange).toEqual({ min, max })
  })

  it('HAM-D17 has 9 items rated 0–4 and 8 rated 0–2', () => {
    const maxima = hamd17.items.map((item) => item.options.length - 1)
    expect(maxima.filter((m) => m === 4)).toHaveLength(9)
    expect(maxima.filter((m) => m === 2)).toHaveLength(8)
  })
})

describe('PHQ-9 suicide-risk flag (§4)', () => {
  it('is raised when item 9 > 0, asking for same-day follow-up', () => {
    const result = phq9.score({ ...answerAll(phq9, 0), phq9_9: 1 })
    expect(result.total).toBe(1)
    expect(result.flags).toEqual([expect.objectContaining({ id: 'suicide-risk', severity: 'urgent' })])
    expect(result.flags[0]?.message).toMatch(/same day/)
  })

  it('is absent when item 9 is 0, however high the total', () => {
    const result = phq9.score({ ...answerAll(phq9, 3), phq9_9: 0 })
    expect(result.total).toBe(24)
    expect(result.flags).toEqual([])
  })

  it('declares the LOINC codes of §4', () => {
    expect(phq9.loinc).toEqual({ panel: '44249-1', total: '44261-6' })
    expect(phq9.items[8]?.loinc).toBe('44260-8')
    expect(gad7.loinc).toEqual({ panel: '69737-5', total: '70274-6' })
    expect(madrs.loinc).toBeUndefined()
  })
})

describe('CADSS subscales (§4)', () => {
  it('reports subjective (19 items) and observer (8 items) subtotals', () => {
    const answers = answerAll(cadss, 0)
    const result = cadss.score({ ...answers, cadss_1: 4, cadss_19: 2, cadss_20: 3, cadss_27: 1 })
    expect(result.subscales).toEqual({ subjective: 6, observer: 4 })
    expect(result.total).toBe(10)
    expect(result.band).toBeNull()
    expect(cadss.score(answerAll(cadss, 4)).subscales).toEqual({ subjective: 76, observer: 32 })
  })
})

describe('single-level and unbanded scales', () => {
  it('MOAA/S band names the responsiveness level', () => {
    expect(moaas.score({ moaas: 5 }).band?.id).toBe('alert')
    expect(moaas.score({ moaas: 2 }).band?.id).toBe('mild-prodding')
    expect(moaas.score({ moaas: 0 }).band?.id).toBe('no-response')
  })

  it('Aldrete sums five items 0–2 and carries no discharge band (⚠️ threshold lives in discharge rules)', () => {
    const result = aldrete.score({ ...answerAll(aldrete, 2), aldrete_spo2: 1 })
    expect(result.total).toBe(9)
    expect(result.band).toBeNull()
  })

  it('BPRS-4 rates 1–7 and rejects 0', () => {
    expect(bprs4.score(answerAll(bprs4, 1)).total).toBe(4)
    expect(() => bprs4.score(answerAll(bprs4, 0))).toThrow(DomainValidationError)
  })
})

describe('invalid answers', () => {
  const catchError = (fn: () => unknown): DomainValidationError => {
    try {
      fn()
    } catch (error) {
      if (error instanceof DomainValidationError) return error
      throw error
    }
    throw new Error('expected a DomainValidationError')
  }

  it('names a missing item', () => {
    const { phq9_9: _omitted, ...rest } = answerAll(phq9, 1)
    const error = catchError(() => phq9.score(rest))
    expect(error.field).toBe('items.phq9_9')
    expect(error.reason).toBe('is required')
  })

  it('names a null item', () => {
    expect(catchError(() => gad7.score({ ...answerAll(gad7, 1), gad7_3: null })).field).toBe('items.gad7_3')
  })

  it('names an out-of-range, fractional or boolean answer', () => {
    expect(catchError(() => madrs.score({ ...answerAll(madrs, 1), madrs_4: 7 })).field).toBe('items.madrs_4')
    expect(catchError(() => phq9.score({ ...answerAll(phq9, 1), phq9_2: 1.5 })).field).toBe('items.phq9_2')
    expect(catchError(() => phq9.score({ ...answerAll(phq9, 1), phq9_2: true })).field).toBe('items.phq9_2')
    expect(catchError(() => hamd17.score({ ...answerAll(hamd17, 0), hamd_4: 3 })).field).toBe('items.hamd_4')
  })

  it('names an unknown item id', () => {
    const error = catchError(() => phq9.score({ ...answerAll(phq9, 0), phq9_10: 0 }))
    expect(error.field).toBe('items.phq9_10')
  })
})
