// <input type="datetime-local"> speaks the device's local wall time; the API speaks ISO instants.

const pad = (n: number) => String(n).padStart(2, '0')

/** "2026-11-27T09:05" for the input, from an instant (default now). */
export function toLocalInput(date = new Date()): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`
}

/** The instant the input names, as ISO; null when it is empty or not a time. */
export function fromLocalInput(value: string): string | null {
  if (!value) return null
  const date = new Date(value)
  return Number.isNaN(date.getTime()) ? null : date.toISOString()
}
