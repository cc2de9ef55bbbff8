// Chair-side clocks: elapsed time since the dose started and the countdown to the next vitals.

/** "12:05" (m:ss) under an hour, "1:02:05" (h:mm:ss) beyond; negative durations count as zero. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000))
  const h = Math.floor(total / 3600)
  const m = Math.floor((total % 3600) / 60)
  const s = total % 60
  const pad = (n: number) => String(n).padStart(2, '0')
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`
}

export interface Countdown {
  isOverdue: boolean
  /** "in 4:59" or "overdue 0:12". */
  text: string
}

/** Time left until `dueAtMs`, or how long it is overdue. */
export function countdown(dueAtMs: number, nowMs: number): Countdown {
  const left = dueAtMs - nowMs
  return left >= 0
    ? { isOverdue: false, text: `in ${formatDuration(left)}` }
    : { isOverdue: true, text: `overdue ${formatDuration(-left)}` }
}

/** "14:05" in the clinic's zone. */
export function formatClock(iso: string | number, timeZone: string | undefined): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return String(iso)
  return new Intl.DateTimeFormat(undefined, {
    hour: '2-digit',
    minute: '2-digit',
    ...(timeZone ? { timeZone } : {}),
  }).format(date)
}
