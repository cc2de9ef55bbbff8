import type { AppContext, Tx } from '../../context'
import { AppError } from '../../errors'
import type { ResolvedSignIn } from '../../sign-in'
import { inOwnerTransaction } from '../../tenancy'
import { lockedError, nextLock, type Outcome } from './lockout'
import { type IssuedSignIn, issueSignIn } from './service'
import { actorOf, auditSignIn } from './sign-in-audit'
import * as store from './store'
import { checkStoredTotp, newTotpSecret, totpQrDataUrl, totpUri } from './totp'

// The second factor of a staff sign-in: the TOTP step after the password, and enrolling an
// authenticator. Both end the pre-MFA sign-in and issue a fresh one.

/** Second step of sign-in: a TOTP code turns an mfa-required session into a new, signed-in one. */
export async function verifyMfa(
  ctx: AppContext,
  signIn: ResolvedSignIn,
  code: string,
): Promise<IssuedSignIn> {
  if (signIn.state !== 'mfa-required')
    throw new AppError('conflict', 'This sign-in is not waiting for a code.')
  const now = ctx.now()
  const outcome = await inOwnerTransaction(ctx, async (tx): Promise<Outcome<IssuedSignIn>> => {
    // A session opened before the account was locked must not keep guessing codes.
    const current = await store.findUserById(tx, signIn.userId)
    if (current?.locked_until && current.locked_until > now) {
      await store.endSignIn(tx, signIn.signInId, now)
      ctx.signInCache?.forgetSignIn(signIn.signInId)
      return { ok: false, error: lockedError(current.locked_until, now) }
    }
    const secret = await store.findMfaSecret(tx, signIn.userId)
    const step = secret?.confirmed_at
      ? checkStoredTotp(ctx.secrets, secret.secret_base32, code, now, secret.last_used_step)
      : null
    if (step === null) {
      const lock = nextLock(ctx, (current?.failed_login_count ?? 0) + 1, current?.lock_count ?? 0, now)
      await store.recordFailedLogin(tx, signIn.userId, lock)
      if (lock) {
        await store.endSignIn(tx, signIn.signInId, now)
        ctx.signInCache?.forgetSignIn(signIn.signInId)
      }
      await auditSignIn(
        tx,
        actorOf(signIn),
        {
          action: 'auth.mfa-verify',
          entity: 'app_user',
          entityId: signIn.userId,
          outcome: 'failure',
          detail: { reason: lock ? 'wrong code; account locked' : 'wrong code' },
        },
        now,
      )
      return {
        ok: false,
        error: lock
          ? lockedError(lock.until, now)
          : new AppError(
              'invalid-mfa-code',
              'That code is not right. Check the time on your phone and try the newest code.',
            ),
      }
    }
    await tx
      .updateTable('mfa_secret')
      .set({ last_used_step: step })
      .where('user_id', '=', signIn.userId)
      .execute()
    return { ok: true, value: await completeSignIn(ctx, tx, signIn, now, 'auth.mfa-verify') }
  })
  if (!outcome.ok) throw outcome.error
  return outcome.value
}

async function completeSignIn(
  ctx: AppContext,
  tx: Tx,
  signIn: ResolvedSignIn,
  now: Date,
  action: string,
): Promise<IssuedSignIn> {
  await store.endSignIn(tx, signIn.signInId, now)
  ctx.signInCache?.forgetSignIn(signIn.signInId)
  await store.recordSuccessfulLogin(tx, signIn.userId, now)
  await auditSignIn(
    tx,
    actorOf(signIn),
    {
      action,
      entity: 'app_user',
      entityId: signIn.userId,
      outcome: 'success',
      detail: { reason: 'signed in' },
    },
    now,
  )
  // A fresh token after the second factor: the pre-MFA cookie can never become a full signIn.
  return issueSignIn(ctx, tx, signIn.userId, 'signed-in', signIn.principal.ip, null, now)
}

export async function startMfaEnrolment(ctx: AppContext, signIn: ResolvedSignIn) {
  if (signIn.state === 'mfa-required')
    throw new AppError('mfa-required', 'Enter your current authenticator code first.')
  const now = ctx.now()
  return inOwnerTransaction(ctx, async (tx) => {
    const existing = await store.findMfaSecret(tx, signIn.userId)
    if (existing?.confirmed_at)
      throw new AppError(
        'conflict',
        'Two-factor authentication is already set up. An administrator can reset it.',
      )
    const secret = newTotpSecret()
    await tx.deleteFrom('mfa_secret').where('user_id', '=', signIn.userId).execute()
    await tx
      .insertInto('mfa_secret')
      .values({
        user_id: signIn.userId,
        secret_base32: ctx.secrets.seal(secret),
        confirmed_at: null,
        last_used_step: null,
        created_at: now,
      })
      .execute()
    await auditSignIn(
      tx,
      actorOf(signIn),
      { action: 'auth.mfa-enrol-start', entity: 'mfa_secret', entityId: signIn.userId, outcome: 'success' },
      now,
    )
    const otpauthUrl = totpUri(secret, signIn.email)
    return { secret, otpauthUrl, qrDataUrl: await totpQrDataUrl(otpauthUrl) }
  })
}

export async function confirmMfaEnrolment(
  ctx: AppContext,
  signIn: ResolvedSignIn,
  code: string,
): Promise<IssuedSignIn> {
  if (signIn.state === 'mfa-required')
    throw new AppError('mfa-required', 'Enter your current authenticator code first.')
  const now = ctx.now()
  const outcome = await inOwnerTransaction(ctx, async (tx): Promise<Outcome<IssuedSignIn>> => {
    const secret = await store.findMfaSecret(tx, signIn.userId)
    if (!secret || secret.confirmed_at)
      return {
        ok: false,
        error: new AppError(
          'conflict',
          'Start the set-up again: no authenticator is waiting for confirmation.',
        ),
      }
    const step = checkStoredTotp(ctx.secrets, secret.secret_base32, code, now, null)
    if (step === null)
      return {
        ok: false,
        error: new AppError(
          'invalid-mfa-code',
          'That code is not right. Scan the QR code again or check the time on your phone.',
          { fieldErrors: [{ field: 'code', message: 'does not match the authenticator' }] },
        ),
      }
    await tx
      .updateTable('mfa_secret')
      .set({ confirmed_at: now, last_used_step: step })
      .where('user_id', '=', signIn.userId)
      .execute()
    return { ok: true, value: await completeSignIn(ctx, tx, signIn, now, 'auth.mfa-enrol-confirm') }
  })
  if (!outcome.ok) throw outcome.error
  return outcome.value
}
