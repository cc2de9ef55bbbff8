import { TZDate, tz } from '@date-fns/tz'
import { addDays, differenceInCalendarDays, differenceInMinutes, differenceInYears, format } from 'date-fns'
import { DomainValidationError } from '../errors'

// The one home for clinic time (design.md §4): instants are stored in UTC, but a clinic's "day",
// "today" and a patient's age are read on the clinic's wall clock, so a session booked at 23:30 in
// Chicago belongs to that Chicago day and a birthday starts at the clinic's midnight. Nothing here
// reads the clock: callers pass `now`. Dates are ISO 'YYYY-MM-DD' strings; zones are IANA names.

/** A calendar date, 'YYYY-MM-DD'. */
export type IsoDate = string

/** A clinic day as instants: `start` is the first moment, `end` the first moment of the next day. */
export interface ClinicDay {
  start: Date
  end: Date
}

const isoDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/

/** Year, month (1–12) and day of a calendar date; throws naming `field` for anything else. */
function partsOf(isoDate: IsoDate, field: string): [number, number, number] {
  const match = isoDatePattern.exec(isoDate)
  if (!match) throw new DomainValidationError(field, `"${isoDate}" is not an ISO date (YYYY-MM-DD)`)
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const utc = new Date(Date.UTC(year, month - 1, day))
  if (utc.getUTCMonth() !== month - 1 || utc.getUTCDate() !== day)
    throw new DomainValidationError(field, `"${isoDate}" is not a calendar date`)
  return [year, month, day]
}

/** Whether the text is a real calendar date 'YYYY-MM-DD' (not 2025-02-30). */
export function isIsoDate(text: string): boolean {
  try {
    partsOf(text, 'date')
    return true
  } catch {
    return false
  }
}

/** The calendar date on the clinic's wall clock at an instant. */
export function clinicDateOf(at: Date | number, timeZone: string): IsoDate {
  return format(at, 'yyyy-MM-dd', { in: tz(timeZone) })
}

/** 'YYYY-MM-DD HH:mm' on the clinic's wall clock, for reports. */
export function clinicDateTimeText(at: Date | number, timeZone: string): string {
  return format(at, 'yyyy-MM-dd HH:mm', { in: tz(timeZone) })
}

/** The wall-clock time 'HH:mm' (24-hour) where the clinic is. */
export function clinicClockOf(at: Date | number, timeZone: string): string {
  return format(at, 'HH:mm', { in: tz(timeZone) })
}

/**
 * The instant of a wall-clock date and time ('HH:mm', or 'HH:mm:ss' as a time input may give) where
 * the clinic is. On a daylight-saving day this is not the day's start plus the hours: 09:00 on a
 * spring-forward day is 8 hours after 00:00.
 */
export function clinicInstant(isoDate: IsoDate, clockTime: string, timeZone: string): Date {
  const [year, month, day] = partsOf(isoDate, 'date')
  const match = /^([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d))?$/.exec(clockTime)
  if (!match) throw new DomainValidationError('time', `"${clockTime}" is not a time of day (HH:mm)`)
  return new Date(
    new TZDate(
      year,
      month - 1,
      day,
      Number(match[1]),
      Number(match[2]),
      Number(match[3] ?? 0),
      timeZone,
    ).getTime(),
  )
}

/** The instant a calendar day starts where the clinic is (not always 00:00 UTC ± a fixed offset). */
export function startOfClinicDay(isoDate: IsoDate, timeZone: string): Date {
  const [year, month, day] = partsOf(isoDate, 'date')
  return new Date(new TZDate(year, month - 1, day, timeZone).getTime())
}

/**
 * A clinic's calendar day as instants, end exclusive. On a daylight-saving change the day is 23 or
 * 25 hours long, which is why it is not `start + 24 h`.
 */
export function clinicDayBounds(isoDate: IsoDate, timeZone: string): ClinicDay {
  return {
    start: startOfClinicDay(isoDate, timeZone),
    end: startOfClinicDay(addDaysTo(isoDate, 1), timeZone),
  }
}

/** The calendar date `days` later (earlier when negative); no time zone is involved. */
export function addDaysTo(isoDate: IsoDate, days: number): IsoDate {
  const [year, month, day] = partsOf(isoDate, 'date')
  return format(addDays(new TZDate(year, month - 1, day, 'UTC'), days), 'yyyy-MM-dd')
}

/** Whole calendar days from one date to another (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  const [fy, fm, fd] = partsOf(from, 'from')
  const [ty, tm, td] = partsOf(to, 'to')
  return differenceInCalendarDays(new TZDate(ty, tm - 1, td, 'UTC'), new TZDate(fy, fm - 1, fd, 'UTC'))
}

/**
 * Whole years from a birth date to a calendar date. Someone born on 29 February turns a year older
 * on 1 March in a common year (the birthday has not come while the date is before it).
 */
export function ageInYearsOn(dateOfBirth: IsoDate, onDate: IsoDate): number {
  const [by, bm, bd] = partsOf(dateOfBirth, 'dateOfBirth')
  const [y, m, d] = partsOf(onDate, 'onDate')
  return differenceInYears(new TZDate(y, m - 1, d, 'UTC'), new TZDate(by, bm - 1, bd, 'UTC'))
}

/** A patient's age at an instant: whole years on the clinic's calendar date then. */
export function ageInYearsAt(dateOfBirth: IsoDate, at: Date | number, timeZone: string): number {
  return ageInYearsOn(dateOfBirth, clinicDateOf(at, timeZone))
}

/** Minutes from one instant to another, rounded to the nearest minute. */
export function minutesBetween(from: Date | number, to: Date | number): number {
  return differenceInMinutes(to, from, { roundingMethod: 'round' })
}
