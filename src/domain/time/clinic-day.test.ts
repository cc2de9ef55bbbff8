import { describe, expect, it } from 'vitest'
import {
  addDaysTo,
  clinicClockOf,
  clinicDateOf,
  clinicDateTimeText,
  clinicDayBounds,
  clinicInstant,
  daysBetween,
  minutesBetween,
  startOfClinicDay,
} from '.'

const hoursOf = ({ start, end }: { start: Date; end: Date }) => (end.getTime() - start.getTime()) / 3_600_000

describe('clinic day bounds', () => {
  it.each([
    // zone, date, first instant of the day (UTC), hours in the day
    ['America/New_York', '2026-11-27', '2026-11-27T05:00:00.000Z', 24],
    ['America/New_York', '2026-07-15', '2026-07-15T04:00:00.000Z', 24],
    // Spring forward (02:00 → 03:00): a 23-hour clinic day.
    ['America/New_York', '2026-03-08', '2026-03-08T05:00:00.000Z', 23],
    ['America/New_York', '2025-03-09', '2025-03-09T05:00:00.000Z', 23],
    // Fall back (02:00 → 01:00): a 25-hour clinic day.
    ['America/New_York', '2026-11-01', '2026-11-01T04:00:00.000Z', 25],
    ['America/New_York', '2025-11-02', '2025-11-02T04:00:00.000Z', 25],
    ['America/Los_Angeles', '2026-03-08', '2026-03-08T08:00:00.000Z', 23],
    ['America/Los_Angeles', '2026-11-01', '2026-11-01T07:00:00.000Z', 25],
    // Hawaii keeps no daylight saving: every day is 24 hours, 10 hours behind UTC.
    ['Pacific/Honolulu', '2026-03-08', '2026-03-08T10:00:00.000Z', 24],
    ['Pacific/Honolulu', '2026-11-01', '2026-11-01T10:00:00.000Z', 24],
    ['Asia/Kolkata', '2026-01-01', '2025-12-31T18:30:00.000Z', 24],
    ['UTC', '2028-02-29', '2028-02-29T00:00:00.000Z', 24],
  ])('%s %s starts at %s and lasts %i hours', (zone, date, startIso, hours) => {
    const day = clinicDayBounds(date, zone)
    expect(day.start.toISOString()).toBe(startIso)
    expect(hoursOf(day)).toBe(hours)
    expect(day.end.getTime()).toBe(startOfClinicDay(addDaysTo(date, 1), zone).getTime())
  })

  it('refuses a date that is not on the calendar', () => {
    expect(() => clinicDayBounds('2026-02-29', 'UTC')).toThrow(/not a calendar date/)
    expect(() => clinicDayBounds('27/11/2026', 'UTC')).toThrow(/not an ISO date/)
  })
})

describe("a clinic's date of an instant", () => {
  it.each([
    // instant (UTC), zone, clinic date
    ['2026-11-27T03:00:00Z', 'America/Chicago', '2026-11-26'],
    ['2026-11-27T05:59:59.999Z', 'America/Chicago', '2026-11-26'],
    ['2026-11-27T06:00:00Z', 'America/Chicago', '2026-11-27'],
    // Midnight edges: the last millisecond of a day and the first of the next.
    ['2026-11-27T04:59:59.999Z', 'America/New_York', '2026-11-26'],
    ['2026-11-27T05:00:00.000Z', 'America/New_York', '2026-11-27'],
    ['2026-07-01T06:59:59.999Z', 'America/Los_Angeles', '2026-06-30'],
    ['2026-07-01T07:00:00.000Z', 'America/Los_Angeles', '2026-07-01'],
    ['2027-01-01T09:59:59.999Z', 'Pacific/Honolulu', '2026-12-31'],
    ['2027-01-01T10:00:00.000Z', 'Pacific/Honolulu', '2027-01-01'],
    ['2026-11-27T23:59:59.999Z', 'UTC', '2026-11-27'],
    // The repeated hour of a fall-back night is still the same day.
    ['2026-11-01T05:30:00Z', 'America/New_York', '2026-11-01'],
    ['2026-11-01T06:30:00Z', 'America/New_York', '2026-11-01'],
  ])('%s is %s %s', (iso, zone, date) => {
    expect(clinicDateOf(new Date(iso), zone)).toBe(date)
    expect(clinicDateOf(Date.parse(iso), zone)).toBe(date)
  })

  it('lies inside the bounds of that clinic day', () => {
    const at = new Date('2026-03-08T12:34:00Z')
    for (const zone of ['America/New_York', 'America/Los_Angeles', 'Pacific/Honolulu', 'Asia/Kolkata']) {
      const day = clinicDayBounds(clinicDateOf(at, zone), zone)
      expect(day.start.getTime()).toBeLessThanOrEqual(at.getTime())
      expect(day.end.getTime()).toBeGreaterThan(at.getTime())
    }
  })

  it('writes the wall-clock time for reports', () => {
    expect(clinicDateTimeText(new Date('2026-11-27T03:05:00Z'), 'America/Chicago')).toBe('2026-11-26 21:05')
    expect(clinicDateTimeText(new Date('2026-11-01T06:30:00Z'), 'America/New_York')).toBe('2026-11-01 01:30')
  })
})

describe('a wall-clock time where the clinic is', () => {
  it.each([
    // date, time, zone, instant (UTC)
    ['2026-11-27', '09:00', 'America/New_York', '2026-11-27T14:00:00.000Z'],
    // Spring forward: 09:00 is already daylight time, 8 wall-clock hours after midnight.
    ['2026-03-08', '09:00', 'America/New_York', '2026-03-08T13:00:00.000Z'],
    ['2026-03-08', '01:30', 'America/New_York', '2026-03-08T06:30:00.000Z'],
    // Fall back: 09:00 is standard time again, 10 elapsed hours after midnight.
    ['2026-11-01', '09:00', 'America/New_York', '2026-11-01T14:00:00.000Z'],
    ['2026-11-01', '09:00', 'America/Los_Angeles', '2026-11-01T17:00:00.000Z'],
    ['2026-11-01', '23:59', 'Pacific/Honolulu', '2026-11-02T09:59:00.000Z'],
    ['2026-11-27', '00:00', 'Pacific/Honolulu', '2026-11-27T10:00:00.000Z'],
  ])('%s %s in %s is %s', (date, time, zone, iso) => {
    const at = clinicInstant(date, time, zone)
    expect(at.toISOString()).toBe(iso)
    expect(clinicDateOf(at, zone)).toBe(date)
    expect(clinicClockOf(at, zone)).toBe(time)
  })

  it('takes the seconds a time input may send', () => {
    expect(clinicInstant('2026-11-27', '09:00:30', 'UTC').toISOString()).toBe('2026-11-27T09:00:30.000Z')
  })

  it('refuses a time that is not HH:mm', () => {
    expect(() => clinicInstant('2026-11-27', '9am', 'UTC')).toThrow(/not a time of day/)
    expect(() => clinicInstant('2026-11-27', '24:00', 'UTC')).toThrow(/not a time of day/)
  })
})

describe('calendar arithmetic', () => {
  it.each([
    ['2026-11-27', 1, '2026-11-28'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2027-02-28', 1, '2027-03-01'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2026-03-08', 7, '2026-03-15'],
  ])('%s plus %i days is %s', (from, days, to) => {
    expect(addDaysTo(from, days)).toBe(to)
    expect(daysBetween(from, to)).toBe(days)
  })

  it('counts minutes between instants to the nearest minute', () => {
    const start = new Date('2026-03-08T06:50:00Z')
    expect(minutesBetween(start, new Date('2026-03-08T07:30:29Z'))).toBe(40)
    expect(minutesBetween(start, new Date('2026-03-08T07:30:30Z'))).toBe(41)
    // Across the spring-forward jump the wall clock moves an hour, the elapsed time does not.
    expect(minutesBetween(new Date('2026-03-08T06:30:00Z'), new Date('2026-03-08T07:30:00Z'))).toBe(60)
    expect(minutesBetween(new Date('2026-03-08T07:30:00Z'), start)).toBe(-40)
  })
})
