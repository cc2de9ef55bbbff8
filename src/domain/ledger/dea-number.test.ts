import { describe, expect, it } from 'vitest'
import { isValidDeaNumber } from './dea-number'

describe('isValidDeaNumber', () => {
  it('accepts numbers whose check digit matches', () => {
    expect(isValidDeaNumber('BR1234563')).toBe(true)
    expect(isValidDeaNumber('RC4028278')).toBe(true)
    expect(isValidDeaNumber('P91234563')).toBe(true)
  })
  it('refuses a wrong check digit, a wrong shape or lower case', () => {
    expect(isValidDeaNumber('BR1234564')).toBe(false)
    expect(isValidDeaNumber('BR123456')).toBe(false)
    expect(isValidDeaNumber('br1234563')).toBe(false)
    expect(isValidDeaNumber('1R1234563')).toBe(false)
  })
})
