import type { LoginSessionState } from '../../../db'
import { permissionsOf } from '../../../domain/access/permissions'
import type { AppContext, Tx } from '../../context'
import { AppError } from '../../errors'
import { hashToken, randomToken, uuidv7 } from '../../ids'
import type { ResolvedSignIn } from '../../sign-in'
import { inOwnerTransaction } from '../../tenancy'
import { lockedError, nextLock, type Outcome } from './lockout'
import { burnPasswordCheck, verifyPassword } from './passwords'
import { actorOf, auditSignIn } from './sign-in-audit'
import * as store from './store'

// A staff sign-in's password step, its issue, sign-out and what the web app is told about it.
// The second factor is mfa.ts, the cookie's lookup resolve-sign-in.ts, the lock screen lock.ts.

/** Roles that must use TOTP unless a clinic's settings say otherwise (design.md §6). */
export const defaultMfaRequiredRoles = ['admin', 'prescriber']

export interface IssuedSignIn {
  token: string
  csrfToken: string
  state: LoginSessionState
}

/**
 * Password step of sign-in. Failures are audited and counted in their own committed transaction
 * before the error is thrown, so a failed attempt is never lost to a rollback.
 */
export async function signIn(
  ctx: AppContext,
  input: {
    email: string
    password: string
    ip: string | null
    userAgent: string | null
    previousToken: string | undefined
  },
): Promise<IssuedSignIn> {
  const email = input.email.trim().toLowerCase()
  const now = ctx.now()
  const outcome = await inOwnerTransaction(ctx, async (tx): Promise<Outcome<IssuedSignIn>> => {
    const audit = (userId: string | null, outcome: 'success' | 'failure' | 'denied', reason: string) =>
      auditSignIn(
        tx,
        { userId, email, ip: input.ip },
        { action: 'auth.sign-in', entity: 'app_user', entityId: userId, outcome, detail: { reason } },
        now,
      )

    const user = await store.findUserByEmail(tx, email)
    if (!user) {
      await burnPasswordCheck(input.password)
      await audit(null, 'failure', 'unknown e-mail')
      return { ok: false, error: new AppError('invalid-credentials', 'The e-mail or password is not right.') }
    }
    if (user.locked_until && user.locked_until > now) {
      await audit(user.id, 'denied', 'account locked')
      return { ok: false, error: lockedError(user.locked_until, now) }
    }
    if (!(await verifyPassword(user.password_hash, input.password))) {
      const lock = nextLock(ctx, user.failed_login_count + 1, user.lock_count, now)
      await store.recordFailedLogin(tx, user.id, lock)
      await audit(user.id, 'failure', lock ? 'wrong password; account locked' : 'wrong password')
      return {
        ok: false,
        error: lock
          ? lockedError(lock.until, now)
          : new AppError('invalid-credentials', 'The e-mail or password is not right.'),
      }
    }
    const memberships = await store.listActiveMemberships(tx, user.id)
    if (!user.is_active || memberships.length === 0) {
      await audit(user.id, 'denied', 'account deactivated or without an active clinic membership')
      return {
        ok: false,
        error: new AppError('forbidden', 'This account is deactivated. Ask your clinic administrator.'),
      }
    }
    const secret = await store.findMfaSecret(tx, user.id)
    // With an authenticator the password is only half the proof: the failure count (wrong codes
    // included) is left alone until the code is right, as the portal does (portal/auth.ts), so
    // typing the right password between wrong codes cannot keep the account from locking.
    if (!secret?.confirmed_at) await store.recordSuccessfulLogin(tx, user.id, now)
    if (input.previousToken) {
      const previous = await store.findSignInByTokenHash(tx, hashToken(input.previousToken))
      if (previous) await store.endSignIn(tx, previous.id, now)
    }
    const mfaNeeded = memberships.some((m) =>
      (m.mfaRequiredRoles ?? defaultMfaRequiredRoles).includes(m.role),
    )
    const state: LoginSessionState = secret?.confirmed_at
      ? 'mfa-required'
      : mfaNeeded
        ? 'mfa-enrolment-required'
        : 'signed-in'
    await audit(user.id, 'success', state === 'signed-in' ? 'signed in' : `password accepted; ${state}`)
    return { ok: true, value: await issueSignIn(ctx, tx, user.id, state, input.ip, input.userAgent, now) }
  })
  if (!outcome.ok) throw outcome.error
  return outcome.value
}

export async function issueSignIn(
  ctx: AppContext,
  tx: Tx,
  userId: string,
  state: LoginSessionState,
  ip: string | null,
  userAgent: string | null,
  now: Date,
): Promise<IssuedSignIn> {
  const token = randomToken()
  const csrfToken = randomToken()
  await store.insertSignIn(tx, {
    id: uuidv7(now.getTime()),
    userId,
    tokenHash: hashToken(token),
    csrfToken,
    state,
    now,
    expiresAt: new Date(now.getTime() + ctx.config.sessionAbsoluteHours * 3_600_000),
    ip,
    userAgent,
  })
  return { token, csrfToken, state }
}

export async function signOut(ctx: AppContext, signIn: ResolvedSignIn): Promise<void> {
  const now = ctx.now()
  await inOwnerTransaction(ctx, async (tx) => {
    await store.endSignIn(tx, signIn.signInId, now)
    ctx.signInCache?.forgetSignIn(signIn.signInId)
    await auditSignIn(
      tx,
      actorOf(signIn),
      { action: 'auth.sign-out', entity: 'login_session', entityId: signIn.signInId, outcome: 'success' },
      now,
    )
  })
}

export async function describeSignIn(ctx: AppContext, signIn: ResolvedSignIn) {
  const [mfa, pin] = await inOwnerTransaction(ctx, (tx) =>
    Promise.all([store.findMfaSecret(tx, signIn.userId), store.findUnlockPin(tx, signIn.userId)]),
  )
  return {
    state: signIn.state,
    csrfToken: signIn.csrfToken,
    user: {
      id: signIn.userId,
      email: signIn.email,
      displayName: signIn.displayName,
      mfaEnrolled: Boolean(mfa?.confirmed_at),
      hasUnlockPin: Boolean(pin),
    },
    memberships: signIn.principal.memberships.map((m) => ({ ...m, permissions: permissionsOf(m.role) })),
    idleTimeoutMin: ctx.config.sessionIdleMin,
    lockedMaxHours: ctx.config.sessionLockedMaxHours,
    sessionExpiresAt: signIn.expiresAt.toISOString(),
  }
}
