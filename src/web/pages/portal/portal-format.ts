import type { PortalAppointment, SurveyReason } from '../../api/portal'

// Dates and reasons in the words a patient reads on their phone. Times are shown in the phone's
// own time zone, which is the patient's.

const DAY_MS = 86_400_000

function startOfDay(ms: number): number {
  const d = new Date(ms)
  return new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime()
}

export function formatDay(iso: string): string {
  return new Date(iso).toLocaleDateString('en-US', { weekday: 'long', month: 'long', day: 'numeric' })
}

export function formatTime(iso: string): string {
  return new Date(iso).toLocaleTimeString('en-US', { hour: 'numeric', minute: '2-digit' })
}

export function formatShortDate(iso: string): string {
  return new Date(iso).toLocaleDateString('en-US', { month: 'short', day: 'numeric', year: 'numeric' })
}

/** "Due today", "Due tomorrow", "Due Friday, May 16", or "Was due …" once past. */
export function dueText(dueAtIso: string, nowMs: number): string {
  const days = Math.round((startOfDay(Date.parse(dueAtIso)) - startOfDay(nowMs)) / DAY_MS)
  if (days === 0) return 'Due today'
  if (days === 1) return 'Due tomorrow'
  if (days < 0) return `Was due ${formatDay(dueAtIso)}`
  return `Due ${formatDay(dueAtIso)}`
}

export function reasonText(reason: SurveyReason): string {
  switch (reason) {
    case 'weekly':
      return 'Your weekly check-in'
    case 'after-session':
      return 'A check-in after your session'
  }
}

export function routeText(route: PortalAppointment['route']): string {
  switch (route) {
    case 'iv':
      return 'Ketamine infusion (IV)'
    case 'intranasal':
      return 'Esketamine nasal spray'
  }
}

/** "about 14 minutes" for a locked account's remaining time. */
export function waitText(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds) || seconds <= 0) return 'a few minutes'
  if (seconds < 60) return `${Math.ceil(seconds)} seconds`
  const minutes = Math.ceil(seconds / 60)
  return minutes === 1 ? 'about 1 minute' : `about ${minutes} minutes`
}
