import { describe, expect, it } from 'vitest'
import { ageInYears } from './age'

describe('ageInYears', () => {
  it('counts a birthday from its day on', () => {
    expect(ageInYears('1984-03-12', new Date(2025, 2, 11))).toBe(40)
    expect(ageInYears('1984-03-12', new Date(2025, 2, 12))).toBe(41)
  })
  it('gives null for something that is not a date', () => {
    expect(ageInYears('12/03/1984', new Date(2025, 0, 1))).toBeNull()
  })
})
