/** Minutes the zone is ahead of UTC at `atMs` (negative west of Greenwich). */
function zoneOffsetMin(timeZone: string, atMs: number): number {
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
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value)
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'))
  return Math.round((asUtc - atMs) / 60_000)
}

/** The start and end (exclusive) of a calendar day in a clinic's time zone, as epoch ms. */
export function zonedDayBounds(isoDate: string, timeZone: string): { startMs: number; endMs: number } {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number]
  const startOf = (day: number) => {
    const guess = Date.UTC(y, m - 1, day)
    // Two passes settle days that start on a daylight-saving change.
    const first = guess - zoneOffsetMin(timeZone, guess) * 60_000
    return guess - zoneOffsetMin(timeZone, first) * 60_000
  }
  return { startMs: startOf(d), endMs: startOf(d + 1) }
}

/** Today's date ('YYYY-MM-DD') in a time zone. */
export function zonedToday(timeZone: string, now: Date): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now)
}
