import type { AppContext } from '../../context'
import { AppError } from '../../errors'
import { hashToken } from '../../ids'
import type { ResolvedSignIn, ResolveSignInOptions } from '../../sign-in'
import { inOwnerTransaction } from '../../tenancy'
import type { Outcome } from './lockout'
import { auditSignIn } from './sign-in-audit'
import * as store from './store'

/** The 401 a locked sign-in answers: the web shows its lock screen, naming whose sign-in it is. */
export function signInLockedError(signIn: Pick<ResolvedSignIn, 'userId' | 'displayName'>): AppError {
  return new AppError('session-locked', 'The screen is locked. Unlock it with your password or PIN.', {
    extra: { user: { id: signIn.userId, displayName: signIn.displayName } },
  })
}

/**
 * Looks up the sign-in behind a cookie. A signed-in one idle for KETACARE_SESSION_IDLE_MIN is
 * locked, not ended (issue 14: the page and its unsent charting survive); it ends at its absolute
 * expiry, KETACARE_SESSION_LOCKED_MAX_HOURS after it locked, or when the account is deactivated.
 * A sign-in still in its MFA step simply ends when idle.
 */
export async function resolveSignIn(
  ctx: AppContext,
  token: string,
  ip: string | null,
  options: ResolveSignInOptions = {},
): Promise<ResolvedSignIn> {
  const now = ctx.now()
  const tokenHash = hashToken(token)
  const refuseLocked = (signIn: ResolvedSignIn) => {
    if (signIn.lockedAt && !options.allowLocked) throw signInLockedError(signIn)
    return signIn
  }
  const cached = ctx.signInCache?.get(tokenHash, now.getTime())
  if (cached) return refuseLocked({ ...cached, principal: { ...cached.principal, ip } })
  const outcome = await inOwnerTransaction(ctx, async (tx): Promise<Outcome<ResolvedSignIn>> => {
    const row = await store.findSignInByTokenHash(tx, tokenHash)
    if (!row || row.ended_at) return { ok: false, error: new AppError('not-signed-in', 'Please sign in.') }
    // The sign-in ending or locking itself, on the installation chain.
    const auditChange = (action: string, reason: string) =>
      auditSignIn(
        tx,
        { userId: row.user_id, email: row.email, ip },
        { action, entity: 'login_session', entityId: row.id, outcome: 'success', detail: { reason } },
        now,
      )
    const idleLimit = new Date(row.last_seen_at.getTime() + ctx.config.sessionIdleMin * 60_000)
    const isIdle = idleLimit <= now
    const lockedAt = row.locked_at ?? (isIdle && row.state === 'signed-in' ? idleLimit : null)
    const isLockedTooLong =
      lockedAt !== null && lockedAt.getTime() + ctx.config.sessionLockedMaxHours * 3_600_000 <= now.getTime()
    const endReason =
      row.expires_at <= now
        ? 'absolute expiry'
        : !row.is_active
          ? 'account deactivated'
          : isLockedTooLong
            ? 'locked longer than the limit'
            : isIdle && row.state !== 'signed-in'
              ? 'idle timeout'
              : null
    if (endReason) {
      await store.endSignIn(tx, row.id, now)
      await auditChange('auth.session-expired', endReason)
      return {
        ok: false,
        error: new AppError('session-expired', 'Your session ended; please sign in again.'),
      }
    }
    if (lockedAt && !row.locked_at) {
      await store.lockSignIn(tx, row.id, lockedAt)
      await auditChange('auth.session-locked', 'idle timeout')
    }
    // Writing last_seen_at on every request would serialize them; a 15 s grain is enough for a
    // timeout measured in minutes.
    if (!lockedAt && options.isActivity !== false && now.getTime() - row.last_seen_at.getTime() > 15_000)
      await store.touchSignIn(tx, row.id, now)
    const memberships = await store.listActiveMemberships(tx, row.user_id)
    return {
      ok: true,
      value: {
        signInId: row.id,
        userId: row.user_id,
        email: row.email,
        displayName: row.display_name,
        state: row.state,
        csrfToken: row.csrf_token,
        expiresAt: row.expires_at,
        lockedAt,
        principal: {
          userId: row.user_id,
          email: row.email,
          displayName: row.display_name,
          sessionId: row.id,
          ip,
          memberships: memberships.map(({ mfaRequiredRoles: _, ...m }) => m),
        },
      },
    }
  })
  if (!outcome.ok) throw outcome.error
  ctx.signInCache?.set(tokenHash, outcome.value, now.getTime())
  return refuseLocked(outcome.value)
}
