/**
 * A clinic calendar day (YYYY-MM-DD) with its weekday, in the browser's language: "Tue 4 Mar"
 * (short) or "Tuesday 4 March" (long). Read at noon UTC, so no zone can move it to another day.
 */
export function formatClinicDay(day: string, width: 'short' | 'long'): string {
  return new Date(`${day}T12:00:00Z`).toLocaleDateString(undefined, {
    weekday: width,
    day: 'numeric',
    month: width,
    timeZone: 'UTC',
  })
}
