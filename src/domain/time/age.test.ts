import { describe, expect, it } from 'vitest'
import { ageInYearsAt, ageInYearsOn, isIsoDate } from '.'

describe('age in whole years on a date', () => {
  it.each([
    // date of birth, on date, age
    ['1984-03-12', '2025-03-11', 40],
    ['1984-03-12', '2025-03-12', 41],
    ['1984-03-12', '1984-03-12', 0],
    ['1984-12-31', '2025-01-01', 40],
    // Born on 29 February: a year older on 1 March in a common year, on 29 February in a leap year.
    ['2000-02-29', '2025-02-28', 24],
    ['2000-02-29', '2025-03-01', 25],
    ['2000-02-29', '2028-02-28', 27],
    ['2000-02-29', '2028-02-29', 28],
    ['2000-02-29', '2001-02-28', 0],
    ['2000-02-29', '2001-03-01', 1],
  ])('born %s, on %s: %i', (dateOfBirth, onDate, age) => {
    expect(ageInYearsOn(dateOfBirth, onDate)).toBe(age)
  })

  it('refuses a birth date that is not a calendar date', () => {
    expect(() => ageInYearsOn('1984-02-30', '2025-01-01')).toThrow(/dateOfBirth/)
    expect(() => ageInYearsOn('12/03/1984', '2025-01-01')).toThrow(/dateOfBirth/)
    expect(isIsoDate('1984-02-30')).toBe(false)
    expect(isIsoDate('1984-02-29')).toBe(true)
  })
})

describe("a patient's age at an instant, on the clinic's calendar", () => {
  it.each([
    // The birthday begins at the clinic's midnight, not at midnight UTC.
    // (12 March 2025 is in daylight-saving time on the mainland.)
    ['1984-03-12', '2025-03-12T03:59:59Z', 'America/New_York', 40],
    ['1984-03-12', '2025-03-12T04:00:00Z', 'America/New_York', 41],
    ['1984-03-12', '2025-03-12T06:59:59Z', 'America/Los_Angeles', 40],
    ['1984-03-12', '2025-03-12T07:00:00Z', 'America/Los_Angeles', 41],
    ['1984-01-12', '2025-01-12T04:59:59Z', 'America/New_York', 40],
    ['1984-01-12', '2025-01-12T05:00:00Z', 'America/New_York', 41],
    ['1984-03-12', '2025-03-12T09:59:59Z', 'Pacific/Honolulu', 40],
    ['1984-03-12', '2025-03-12T10:00:00Z', 'Pacific/Honolulu', 41],
    // The evening before a birthday in Honolulu is already the birthday in UTC.
    ['1984-03-12', '2025-03-12T02:00:00Z', 'UTC', 41],
    ['1984-03-12', '2025-03-12T02:00:00Z', 'Pacific/Honolulu', 40],
    // A 29 February birthday in a common year starts at the clinic's midnight of 1 March.
    ['2008-02-29', '2026-03-01T04:59:59Z', 'America/New_York', 17],
    ['2008-02-29', '2026-03-01T05:00:00Z', 'America/New_York', 18],
  ])('born %s, at %s in %s: %i', (dateOfBirth, at, zone, age) => {
    expect(ageInYearsAt(dateOfBirth, new Date(at), zone)).toBe(age)
  })
})
