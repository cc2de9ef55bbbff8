import { AppError } from '../../../errors'
import type { SessionView } from '../view'

const minuteMs = 60_000

/** The dose's first device or infusion start, or a 409 when nothing has been given yet. */
function doseStartOf(view: SessionView): Date {
  const first =
    view.devices?.given[0]?.at ?? (view.infusion?.runs[0] ? new Date(view.infusion.runs[0].startMs) : null)
  if (!first) throw new AppError('conflict', 'Nothing has been given yet in this session.')
  return first
}

/** A clinical time after the dose started and not in the future; a 400 naming `at` otherwise. */
export function checkClinicalTime(at: Date, view: SessionView, now: Date, until?: Date | null): void {
  const start = doseStartOf(view)
  if (at.getTime() > now.getTime() + minuteMs)
    throw new AppError('validation-failed', 'A charted time cannot be in the future.', {
      fieldErrors: [{ field: 'at', message: 'is in the future' }],
    })
  if (at < start)
    throw new AppError('validation-failed', 'This time is before the dose started.', {
      fieldErrors: [{ field: 'at', message: `must be at or after the first dose (${start.toISOString()})` }],
    })
  if (until && at > until)
    throw new AppError('validation-failed', 'This time is after the end of monitoring.', {
      fieldErrors: [{ field: 'at', message: `must be at or before discharge (${until.toISOString()})` }],
    })
}
