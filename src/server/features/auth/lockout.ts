import type { AppContext } from '../../context'
import { AppError } from '../../errors'

/** A refusal committed before it is thrown, so a failed attempt is never lost to a rollback. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: AppError }

export function nextLock(
  ctx: AppContext,
  failures: number,
  lockCount: number,
  now: Date,
): { until: Date } | null {
  if (failures < ctx.config.loginMaxFailures) return null
  // Back-off: each further lock doubles, capped at a day.
  const minutes = Math.min(ctx.config.loginLockBaseMin * 2 ** lockCount, 24 * 60)
  return { until: new Date(now.getTime() + minutes * 60_000) }
}

export function lockedError(until: Date, now: Date): AppError {
  const retryAfterSec = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000))
  return new AppError(
    'account-locked',
    `Too many failed sign-ins. Try again in ${formatWait(retryAfterSec)}.`,
    { extra: { retryAfterSec } },
  )
}

function formatWait(seconds: number): string {
  return seconds < 90 ? `${seconds} seconds` : `${Math.ceil(seconds / 60)} minutes`
}
