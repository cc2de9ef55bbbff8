import type { CanonicalValue } from '../../../domain/ledger/hash-chain'
import { appendAudit } from '../../audit/append-audit'
import type { ClinicScope } from '../../clinic-scope'
import type { Tx } from '../../context'
import { AppError } from '../../errors'
import { uuidv7 } from '../../ids'
import { inOwnerTransaction } from '../../tenancy'
import { nextLock } from './lockout'
import { recordFailedLogin } from './store'

// Guessing a colleague's password or code to sign as them (a ledger witness, a dose check) is
// slowed twice: at most this many wrong proofs a minute for one signer, and as many for one
// caller whoever they name; and every wrong proof counts toward the signer's own lockout, so the
// account locks after KETACARE_LOGIN_MAX_FAILURES of them as it would at sign-in.
export const reauthFailuresPerMinute = 3
const windowMs = 60_000

/** The 429 to answer when the signer or the caller has used up this minute's wrong proofs. */
export async function reauthLimitError(
  tx: Tx,
  signerUserId: string,
  callerUserId: string,
  now: Date,
): Promise<AppError | null> {
  const rows = await tx
    .selectFrom('reauth_failure')
    .select(['signer_user_id', 'caller_user_id', 'created_at'])
    .where('created_at', '>', new Date(now.getTime() - windowMs))
    .where((eb) => eb.or([eb('signer_user_id', '=', signerUserId), eb('caller_user_id', '=', callerUserId)]))
    .orderBy('created_at')
    .execute()
  let waitMs = 0
  for (const list of [
    rows.filter((r) => r.signer_user_id === signerUserId),
    rows.filter((r) => r.caller_user_id === callerUserId),
  ]) {
    if (list.length < reauthFailuresPerMinute) continue
    // One more proof is allowed once enough of these failures have left the window.
    const freeing = list[list.length - reauthFailuresPerMinute]!
    waitMs = Math.max(waitMs, freeing.created_at.getTime() + windowMs - now.getTime())
  }
  if (waitMs <= 0) return null
  return new AppError(
    'too-many-requests',
    'Too many wrong passwords or codes for signing. Wait a minute, then try again.',
    { extra: { retryAfterSec: Math.max(1, Math.ceil(waitMs / 1000)) } },
  )
}

/**
 * Attaches to a refusal the record it must leave: the request's transaction rolls back with the
 * error, so the failure count, the signer's lockout and the audit event are written afterwards in
 * their own transaction (the clinic scope runs `afterRollback`). A refusal before any proof was
 * checked (locked, rate limited) is audited but not counted again.
 */
export function recordReauthRefusal(
  scope: Pick<ClinicScope, 'clinicId' | 'principal' | 'now'>,
  attempt: { signerUserId: string; meaning: string; method: 'password' | 'totp' },
  reason: 'wrong password' | 'wrong code' | 'signer locked' | 'rate limited',
  error: AppError,
): AppError {
  const counts = reason === 'wrong password' || reason === 'wrong code'
  error.afterRollback = (ctx) =>
    inOwnerTransaction(ctx, async (tx) => {
      const now = scope.now
      let locked = false
      if (counts) {
        await tx
          .insertInto('reauth_failure')
          .values({
            id: uuidv7(now.getTime()),
            signer_user_id: attempt.signerUserId,
            caller_user_id: scope.principal.userId,
            clinic_id: scope.clinicId,
            method: attempt.method,
            created_at: now,
          })
          .execute()
        const signer = await tx
          .selectFrom('app_user')
          .select(['failed_login_count', 'lock_count'])
          .where('id', '=', attempt.signerUserId)
          .executeTakeFirstOrThrow()
        const lock = nextLock(ctx, signer.failed_login_count + 1, signer.lock_count, now)
        await recordFailedLogin(tx, attempt.signerUserId, lock)
        locked = lock !== null
      }
      const detail: Record<string, CanonicalValue> = {
        signerUserId: attempt.signerUserId,
        meaning: attempt.meaning,
        method: attempt.method,
        reason: locked ? `${reason}; signer locked` : reason,
      }
      await appendAudit(
        tx,
        {
          clinicId: scope.clinicId,
          actorUserId: scope.principal.userId,
          actorEmail: scope.principal.email,
          action: 'auth.reauth',
          entity: 'app_user',
          entityId: attempt.signerUserId,
          outcome: counts ? 'failure' : 'denied',
          ip: scope.principal.ip,
          detail,
        },
        now,
      )
    })
  return error
}
