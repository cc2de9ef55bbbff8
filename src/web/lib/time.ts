// Times are stored in UTC and shown in the clinic's time zone (design.md §4). The browser's Intl
// knows every IANA zone, so no date library is needed for these two conversions.

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

/** Milliseconds the zone is ahead of UTC at the given instant. */
function zoneOffsetMs(instantMs: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instantMs))
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0)
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'))
  return asUtc - Math.floor(instantMs / 1000) * 1000
}

/**
 * The UTC instant at which the calendar day `YYYY-MM-DD` starts in `timeZone` (browser zone when
 * unknown). `dayOffset` 1 gives the start of the following day, for an end-of-day bound.
 */
export function startOfDayIso(day: string, timeZone: string | undefined, dayOffset = 0): string {
  const [year, month, date] = day.split('-').map(Number)
  if (year === undefined || month === undefined || date === undefined) throw new Error(`Not a day: ${day}`)
  if (!isKnownTimeZone(timeZone)) return new Date(year, month - 1, date + dayOffset).toISOString()
  const wallClockMs = Date.UTC(year, month - 1, date + dayOffset)
  // Two passes settle days on which the zone changes its offset (daylight saving).
  let instantMs = wallClockMs - zoneOffsetMs(wallClockMs, timeZone)
  instantMs = wallClockMs - zoneOffsetMs(instantMs, timeZone)
  return new Date(instantMs).toISOString()
}

/** The last millisecond of the calendar day in `timeZone`, for an inclusive upper bound. */
export function endOfDayIso(day: string, timeZone: string | undefined): string {
  return new Date(Date.parse(startOfDayIso(day, timeZone, 1)) - 1).toISOString()
}

/** Today's calendar date ('YYYY-MM-DD') on the clinic's wall clock (the browser's when no zone). */
export function todayIn(timeZone: string | undefined, now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    ...(timeZone ? { timeZone } : {}),
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now)
}
