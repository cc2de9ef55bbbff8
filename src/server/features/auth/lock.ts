import { pinProblem } from '../../../domain/access/credential-rules'
import type { CanonicalValue } from '../../../domain/ledger/hash-chain'
import type { AppContext, Tx } from '../../context'
import { AppError } from '../../errors'
import type { ResolvedSignIn } from '../../sign-in'
import { inOwnerTransaction } from '../../tenancy'
import { lockedError, nextLock, type Outcome } from './lockout'
import { hashPassword, verifyPassword } from './passwords'
import { actorOf, auditSignIn } from './sign-in-audit'
import * as store from './store'

// The lock screen's server side (issue 14, ARCHITECTURE.md "Lock screen"): locking a sign-in,
// unlocking the same sign-in with its user's password or PIN, and the PIN itself. Every proof
// checked here counts toward the account's lockout and is audited, like a sign-in.

function auditFor(tx: Tx, signIn: ResolvedSignIn, now: Date) {
  return (
    action: string,
    outcome: 'success' | 'failure' | 'denied',
    detail: Record<string, CanonicalValue>,
  ) =>
    auditSignIn(
      tx,
      actorOf(signIn),
      { action, entity: 'login_session', entityId: signIn.signInId, outcome, detail },
      now,
    )
}

/** Locks the sign-in now (the screen went idle or the user pressed Lock). Idempotent. */
export async function lockSignIn(ctx: AppContext, signIn: ResolvedSignIn): Promise<void> {
  if (signIn.lockedAt) return
  const now = ctx.now()
  await inOwnerTransaction(ctx, async (tx) => {
    await store.lockSignIn(tx, signIn.signInId, now)
    await auditFor(tx, signIn, now)('auth.session-locked', 'success', { reason: 'locked on screen' })
  })
  ctx.signInCache?.forgetSignIn(signIn.signInId)
}

/**
 * A wrong proof: counted toward the account's lockout (which also ends this sign-in, so the lock
 * screen cannot be used to keep guessing) and audited.
 */
async function refuseProof(
  ctx: AppContext,
  tx: Tx,
  signIn: ResolvedSignIn,
  action: string,
  method: 'password' | 'pin',
  now: Date,
): Promise<AppError> {
  const user = await store.findUserById(tx, signIn.userId)
  const lock = nextLock(ctx, (user?.failed_login_count ?? 0) + 1, user?.lock_count ?? 0, now)
  await store.recordFailedLogin(tx, signIn.userId, lock)
  if (lock) {
    await store.endSignIn(tx, signIn.signInId, now)
    ctx.signInCache?.forgetSignIn(signIn.signInId)
  }
  await auditFor(tx, signIn, now)(action, 'failure', {
    method,
    reason: `wrong ${method === 'pin' ? 'PIN' : 'password'}${lock ? '; account locked' : ''}`,
  })
  if (lock) return lockedError(lock.until, now)
  return new AppError(
    'invalid-credentials',
    method === 'pin' ? 'That PIN is not right.' : 'That password is not right.',
    { fieldErrors: [{ field: method, message: 'is not right' }] },
  )
}

/** Re-activates the same locked sign-in with its user's password or unlock PIN. */
export async function unlockSignIn(
  ctx: AppContext,
  signIn: ResolvedSignIn,
  proof: { password?: string | undefined; pin?: string | undefined },
): Promise<{ csrfToken: string }> {
  const method = proof.pin !== undefined ? 'pin' : 'password'
  const now = ctx.now()
  const outcome = await inOwnerTransaction(ctx, async (tx): Promise<Outcome<{ csrfToken: string }>> => {
    const audit = auditFor(tx, signIn, now)
    const user = await store.findUserById(tx, signIn.userId)
    if (!user) return { ok: false, error: new AppError('not-signed-in', 'Please sign in.') }
    if (user.locked_until && user.locked_until > now) {
      await audit('auth.unlock', 'denied', { method, reason: 'account locked' })
      return { ok: false, error: lockedError(user.locked_until, now) }
    }
    let isRight: boolean
    if (method === 'pin') {
      const pin = await store.findUnlockPin(tx, signIn.userId)
      if (!pin) {
        await audit('auth.unlock', 'denied', { method, reason: 'no PIN set' })
        return {
          ok: false,
          error: new AppError('validation-failed', 'You have no unlock PIN yet: use your password.', {
            fieldErrors: [{ field: 'pin', message: 'no PIN is set for this account' }],
          }),
        }
      }
      isRight = await verifyPassword(pin.pin_hash, proof.pin ?? '')
    } else {
      isRight = await verifyPassword(user.password_hash, proof.password ?? '')
    }
    if (!isRight) return { ok: false, error: await refuseProof(ctx, tx, signIn, 'auth.unlock', method, now) }
    await store.clearFailedLogins(tx, signIn.userId)
    await store.unlockSignIn(tx, signIn.signInId, now)
    await audit('auth.unlock', 'success', { method })
    return { ok: true, value: { csrfToken: signIn.csrfToken } }
  })
  ctx.signInCache?.forgetSignIn(signIn.signInId)
  if (!outcome.ok) throw outcome.error
  return outcome.value
}

/** Sets or changes the user's unlock PIN; the account password confirms it is them. */
export async function setUnlockPin(
  ctx: AppContext,
  signIn: ResolvedSignIn,
  input: { pin: string; password: string },
): Promise<void> {
  const problem = pinProblem(input.pin)
  if (problem)
    throw new AppError('validation-failed', `The PIN ${problem}.`, {
      fieldErrors: [{ field: 'pin', message: problem }],
    })
  const now = ctx.now()
  const pinHash = await hashPassword(input.pin)
  const outcome = await inOwnerTransaction(ctx, async (tx): Promise<Outcome<void>> => {
    const user = await store.findUserById(tx, signIn.userId)
    if (!user) return { ok: false, error: new AppError('not-signed-in', 'Please sign in.') }
    if (user.locked_until && user.locked_until > now) {
      await auditFor(tx, signIn, now)('auth.pin-set', 'denied', { reason: 'account locked' })
      return { ok: false, error: lockedError(user.locked_until, now) }
    }
    if (!(await verifyPassword(user.password_hash, input.password)))
      return { ok: false, error: await refuseProof(ctx, tx, signIn, 'auth.pin-set', 'password', now) }
    await store.saveUnlockPin(tx, signIn.userId, pinHash, now)
    await auditFor(tx, signIn, now)('auth.pin-set', 'success', {})
    return { ok: true, value: undefined }
  })
  if (!outcome.ok) throw outcome.error
}

export async function removeUnlockPin(ctx: AppContext, signIn: ResolvedSignIn): Promise<void> {
  const now = ctx.now()
  await inOwnerTransaction(ctx, async (tx) => {
    if (await store.deleteUnlockPin(tx, signIn.userId))
      await auditFor(tx, signIn, now)('auth.pin-remove', 'success', {})
  })
}
