import { describe, expect, it } from 'vitest'
import { DomainValidationError } from '../errors'
import {
  findInstrument,
  getInstrument,
  INSTRUMENT_IDS,
  instruments,
  isInstrumentId,
  scoreInstrument,
} from './registry'

describe('instrument registry', () => {
  it('holds exactly the ten instruments of §4, ids matching INSTRUMENT_IDS', () => {
    expect(instruments.map((i) => i.id)).toEqual([...INSTRUMENT_IDS])
  })

  it('gives every item a unique id and every instrument at least one option per item', () => {
    for (const instrument of instruments) {
      const ids = instrument.items.map((item) => item.id)
      expect(new Set(ids).size).toBe(ids.length)
      for (const item of instrument.items) expect(item.options.length).toBeGreaterThan(0)
    }
  })

  it('finds by id and rejects unknown ids as invalid input', () => {
    expect(findInstrument('gad7')?.name).toBe('GAD-7')
    expect(findInstrument('beck')).toBeUndefined()
    expect(isInstrumentId('madrs')).toBe(true)
    expect(isInstrumentId('beck')).toBe(false)
    expect(() => getInstrument('beck')).toThrow(DomainValidationError)
    expect(scoreInstrument('moaas', { moaas: 3 }).band?.id).toBe('loud-name')
  })
})
