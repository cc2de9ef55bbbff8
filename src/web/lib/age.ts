import { ageInYearsAt, isIsoDate } from '../../domain/time'
import { zoneOrBrowser } from './time'

/**
 * Whole years from a 'YYYY-MM-DD' birth date to `now`, on the clinic's calendar (the server's
 * session view and plan dosing count the same way); the browser's zone until the clinic is known.
 */
export function ageInYears(dateOfBirth: string, now: Date, timeZone?: string): number | null {
  if (!isIsoDate(dateOfBirth)) return null
  return ageInYearsAt(dateOfBirth, now, zoneOrBrowser(timeZone))
}

/** "12 Mar 1984" for a calendar date; shown as sent when it is not one. */
export function formatCalendarDate(isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate)
  if (!match) return isoDate
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])))
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' }).format(date)
}
