// Calendar dates in the clinic's own time zone: expiry, loss-report deadlines and report ranges are
// dates where the clinic is, not in UTC.

const dateFormats = new Map<string, Intl.DateTimeFormat>()

/** The local calendar date ('YYYY-MM-DD') of an instant in a time zone. */
export function localDate(at: Date, timeZone: string): string {
  let format = dateFormats.get(timeZone)
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
    dateFormats.set(timeZone, format)
  }
  return format.format(at)
}

/** Minutes the zone is ahead of UTC at an instant (negative west of Greenwich). */
function offsetMin(timeZone: string, atMs: number): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(atMs))
  const part = (type: string) => Number(parts.find((p) => p.type === type)!.value)
  const asUtc = Date.UTC(
    part('year'),
    part('month') - 1,
    part('day'),
    part('hour'),
    part('minute'),
    part('second'),
  )
  return Math.round((asUtc - atMs) / 60_000)
}

/** The instant a local calendar day starts in a time zone (settled twice for daylight-saving days). */
export function startOfLocalDay(isoDate: string, timeZone: string): Date {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number]
  const guess = Date.UTC(y, m - 1, d)
  const first = guess - offsetMin(timeZone, guess) * 60_000
  return new Date(guess - offsetMin(timeZone, first) * 60_000)
}

/** The day after a 'YYYY-MM-DD' date. */
export function nextDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number]
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10)
}

/** Whole days from one 'YYYY-MM-DD' date to another. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000)
}

/** 'YYYY-MM-DD HH:mm' in a time zone, for reports. */
export function localDateTime(at: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(at)
  const part = (type: string) => parts.find((p) => p.type === type)!.value
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}`
}
