// Times are stored in UTC and shown in the clinic's time zone (design.md §4). Shown with the
// browser's Intl; day bounds and dates come from the domain's time module, like the server's.
import { addDaysTo, clinicDateOf, isIsoDate, startOfClinicDay } from '../../domain/time'

function isKnownTimeZone(timeZone: string | undefined): timeZone is string {
  if (!timeZone) return false
  try {
    new Intl.DateTimeFormat('en', { timeZone })
    return true
  } catch {
    return false
  }
}

/** "27 Nov 2025, 14:05:09" in the clinic's zone (or the browser's when the zone is unknown). */
export function formatDateTime(iso: string, timeZone?: string, locale?: string): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  return new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'medium',
    ...(isKnownTimeZone(timeZone) ? { timeZone } : {}),
  }).format(date)
}

/** The date and the time of day apart, for a compact two-line table cell. */
export function formatDateAndTime(
  iso: string,
  timeZone?: string,
  locale?: string,
): { date: string; time: string } {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return { date: iso, time: '' }
  const zone = isKnownTimeZone(timeZone) ? { timeZone } : {}
  return {
    date: new Intl.DateTimeFormat(locale, { dateStyle: 'medium', ...zone }).format(date),
    time: new Intl.DateTimeFormat(locale, { timeStyle: 'medium', ...zone }).format(date),
  }
}

/** The clinic's zone when it is a known one, else the browser's own (before the clinic has loaded). */
export function zoneOrBrowser(timeZone: string | undefined): string {
  return isKnownTimeZone(timeZone) ? timeZone : Intl.DateTimeFormat().resolvedOptions().timeZone
}

/**
 * The UTC instant at which the calendar day `YYYY-MM-DD` starts in `timeZone` (browser zone when
 * unknown). `dayOffset` 1 gives the start of the following day, for an end-of-day bound.
 */
export function startOfDayIso(day: string, timeZone: string | undefined, dayOffset = 0): string {
  if (!isIsoDate(day)) throw new Error(`Not a day: ${day}`)
  return startOfClinicDay(addDaysTo(day, dayOffset), zoneOrBrowser(timeZone)).toISOString()
}

/** The last millisecond of the calendar day in `timeZone`, for an inclusive upper bound. */
export function endOfDayIso(day: string, timeZone: string | undefined): string {
  return new Date(Date.parse(startOfDayIso(day, timeZone, 1)) - 1).toISOString()
}

/** Today's calendar date ('YYYY-MM-DD') on the clinic's wall clock (the browser's when no zone). */
export function todayIn(timeZone: string | undefined, now: Date = new Date()): string {
  return clinicDateOf(now, zoneOrBrowser(timeZone))
}
