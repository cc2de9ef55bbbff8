import { createHash, timingSafeEqual } from 'node:crypto'
import type { LoginSessionState } from '../../../db'
import { permissionsOf } from '../../../domain/access/permissions'
import { appendAudit } from '../../audit/append-audit'
import type { AppContext, Tx } from '../../context'
import { AppError } from '../../errors'
import { randomToken, uuidv7 } from '../../ids'
import type { Principal } from '../../principal'
import { inOwnerTransaction } from '../../tenancy'
import { burnPasswordCheck, verifyPassword } from './passwords'
import * as store from './store'
import { checkStoredTotp, newTotpSecret, totpQrDataUrl, totpUri } from './totp'

/** Roles that must use TOTP unless a clinic's settings say otherwise (design.md §6). */
export const defaultMfaRequiredRoles = ['admin', 'prescriber']

export interface ResolvedSignIn {
  sessionId: string
  userId: string
  email: string
  displayName: string
  state: LoginSessionState
  csrfToken: string
  expiresAt: Date
  /** When the sign-in locked (idle or by the user); null while it is active. */
  lockedAt: Date | null
  principal: Principal
}

export interface IssuedSession {
  token: string
  csrfToken: string
  state: LoginSessionState
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

export function isCsrfTokenValid(expected: string, presented: string | undefined): boolean {
  if (!presented) return false
  const a = Buffer.from(expected)
  const b = Buffer.from(presented)
  return a.length === b.length && timingSafeEqual(a, b)
}

type Outcome<T> = { ok: true; value: T } | { ok: false; error: AppError }

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
): Promise<IssuedSession> {
  const email = input.email.trim().toLowerCase()
  const now = ctx.now()
  const outcome = await inOwnerTransaction(ctx, async (tx): Promise<Outcome<IssuedSession>> => {
    const audit = (userId: string | null, outcome: 'success' | 'failure' | 'denied', reason: string) =>
      appendAudit(
        tx,
        {
          clinicId: null,
          actorUserId: userId,
          actorEmail: email,
          action: 'auth.sign-in',
          entity: 'app_user',
          entityId: userId,
          outcome,
          ip: input.ip,
          detail: { reason },
        },
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
      const previous = await store.findSessionByTokenHash(tx, hashToken(input.previousToken))
      if (previous) await store.endSession(tx, previous.id, now)
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
    return { ok: true, value: await issueSession(ctx, tx, user.id, state, input.ip, input.userAgent, now) }
  })
  if (!outcome.ok) throw outcome.error
  return outcome.value
}

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

async function issueSession(
  ctx: AppContext,
  tx: Tx,
  userId: string,
  state: LoginSessionState,
  ip: string | null,
  userAgent: string | null,
  now: Date,
): Promise<IssuedSession> {
  const token = randomToken()
  const csrfToken = randomToken()
  await store.insertSession(tx, {
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

export interface ResolveOptions {
  /** Unlock and sign-out work on a locked sign-in; every other call is refused with 401. */
  allowLocked?: boolean
  /** A live stream's re-check is not activity: it must not keep an idle sign-in from locking. */
  isActivity?: boolean
}

/** The 401 a locked sign-in answers: the web shows its lock screen, naming whose sign-in it is. */
export function sessionLockedError(session: Pick<ResolvedSignIn, 'userId' | 'displayName'>): AppError {
  return new AppError('session-locked', 'The screen is locked. Unlock it with your password or PIN.', {
    extra: { user: { id: session.userId, displayName: session.displayName } },
  })
}

/**
 * Looks up the session behind a cookie. A signed-in session idle for KETACARE_SESSION_IDLE_MIN is
 * locked, not ended (issue 14: the page and its unsent charting survive); it ends at its absolute
 * expiry, KETACARE_SESSION_LOCKED_MAX_HOURS after it locked, or when the account is deactivated.
 * A sign-in still in its MFA step simply ends when idle.
 */
export async function resolveSession(
  ctx: AppContext,
  token: string,
  ip: string | null,
  options: ResolveOptions = {},
): Promise<ResolvedSignIn> {
  const now = ctx.now()
  const tokenHash = hashToken(token)
  const refuseLocked = (session: ResolvedSignIn) => {
    if (session.lockedAt && !options.allowLocked) throw sessionLockedError(session)
    return session
  }
  const cached = ctx.sessionCache?.get(tokenHash, now.getTime())
  if (cached) return refuseLocked({ ...cached, principal: { ...cached.principal, ip } })
  const outcome = await inOwnerTransaction(ctx, async (tx): Promise<Outcome<ResolvedSignIn>> => {
    const session = await store.findSessionByTokenHash(tx, tokenHash)
    if (!session || session.ended_at)
      return { ok: false, error: new AppError('not-signed-in', 'Please sign in.') }
    const idleLimit = new Date(session.last_seen_at.getTime() + ctx.config.sessionIdleMin * 60_000)
    const isIdle = idleLimit <= now
    const lockedAt = session.locked_at ?? (isIdle && session.state === 'signed-in' ? idleLimit : null)
    const isLockedTooLong =
      lockedAt !== null && lockedAt.getTime() + ctx.config.sessionLockedMaxHours * 3_600_000 <= now.getTime()
    const endReason =
      session.expires_at <= now
        ? 'absolute expiry'
        : !session.is_active
          ? 'account deactivated'
          : isLockedTooLong
            ? 'locked longer than the limit'
            : isIdle && session.state !== 'signed-in'
              ? 'idle timeout'
              : null
    if (endReason) {
      await store.endSession(tx, session.id, now)
      await appendAudit(
        tx,
        {
          clinicId: null,
          actorUserId: session.user_id,
          actorEmail: session.email,
          action: 'auth.session-expired',
          entity: 'login_session',
          entityId: session.id,
          outcome: 'success',
          ip,
          detail: { reason: endReason },
        },
        now,
      )
      return {
        ok: false,
        error: new AppError('session-expired', 'Your session ended; please sign in again.'),
      }
    }
    if (lockedAt && !session.locked_at) {
      await store.lockSession(tx, session.id, lockedAt)
      await appendAudit(
        tx,
        {
          clinicId: null,
          actorUserId: session.user_id,
          actorEmail: session.email,
          action: 'auth.session-locked',
          entity: 'login_session',
          entityId: session.id,
          outcome: 'success',
          ip,
          detail: { reason: 'idle timeout' },
        },
        now,
      )
    }
    // Writing last_seen_at on every request would serialize them; a 15 s grain is enough for a
    // timeout measured in minutes.
    if (!lockedAt && options.isActivity !== false && now.getTime() - session.last_seen_at.getTime() > 15_000)
      await store.touchSession(tx, session.id, now)
    const memberships = await store.listActiveMemberships(tx, session.user_id)
    return {
      ok: true,
      value: {
        sessionId: session.id,
        userId: session.user_id,
        email: session.email,
        displayName: session.display_name,
        state: session.state,
        csrfToken: session.csrf_token,
        expiresAt: session.expires_at,
        lockedAt,
        principal: {
          userId: session.user_id,
          email: session.email,
          displayName: session.display_name,
          sessionId: session.id,
          ip,
          memberships: memberships.map(({ mfaRequiredRoles: _, ...m }) => m),
        },
      },
    }
  })
  if (!outcome.ok) throw outcome.error
  ctx.sessionCache?.set(tokenHash, outcome.value, now.getTime())
  return refuseLocked(outcome.value)
}

/** Second step of sign-in: a TOTP code turns an mfa-required session into a new, signed-in one. */
export async function verifyMfa(
  ctx: AppContext,
  session: ResolvedSignIn,
  code: string,
): Promise<IssuedSession> {
  if (session.state !== 'mfa-required')
    throw new AppError('conflict', 'This sign-in is not waiting for a code.')
  const now = ctx.now()
  const outcome = await inOwnerTransaction(ctx, async (tx): Promise<Outcome<IssuedSession>> => {
    // A session opened before the account was locked must not keep guessing codes.
    const current = await store.findUserById(tx, session.userId)
    if (current?.locked_until && current.locked_until > now) {
      await store.endSession(tx, session.sessionId, now)
      ctx.sessionCache?.forgetSession(session.sessionId)
      return { ok: false, error: lockedError(current.locked_until, now) }
    }
    const secret = await store.findMfaSecret(tx, session.userId)
    const step = secret?.confirmed_at
      ? checkStoredTotp(ctx.secrets, secret.secret_base32, code, now, secret.last_used_step)
      : null
    if (step === null) {
      const lock = nextLock(ctx, (current?.failed_login_count ?? 0) + 1, current?.lock_count ?? 0, now)
      await store.recordFailedLogin(tx, session.userId, lock)
      if (lock) {
        await store.endSession(tx, session.sessionId, now)
        ctx.sessionCache?.forgetSession(session.sessionId)
      }
      await appendAudit(
        tx,
        {
          clinicId: null,
          actorUserId: session.userId,
          actorEmail: session.email,
          action: 'auth.mfa-verify',
          entity: 'app_user',
          entityId: session.userId,
          outcome: 'failure',
          ip: session.principal.ip,
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
      .where('user_id', '=', session.userId)
      .execute()
    return { ok: true, value: await completeSignIn(ctx, tx, session, now, 'auth.mfa-verify') }
  })
  if (!outcome.ok) throw outcome.error
  return outcome.value
}

async function completeSignIn(
  ctx: AppContext,
  tx: Tx,
  session: ResolvedSignIn,
  now: Date,
  action: string,
): Promise<IssuedSession> {
  await store.endSession(tx, session.sessionId, now)
  ctx.sessionCache?.forgetSession(session.sessionId)
  await store.recordSuccessfulLogin(tx, session.userId, now)
  await appendAudit(
    tx,
    {
      clinicId: null,
      actorUserId: session.userId,
      actorEmail: session.email,
      action,
      entity: 'app_user',
      entityId: session.userId,
      outcome: 'success',
      ip: session.principal.ip,
      detail: { reason: 'signed in' },
    },
    now,
  )
  // A fresh token after the second factor: the pre-MFA cookie can never become a full session.
  return issueSession(ctx, tx, session.userId, 'signed-in', session.principal.ip, null, now)
}

export async function startMfaEnrolment(ctx: AppContext, session: ResolvedSignIn) {
  if (session.state === 'mfa-required')
    throw new AppError('mfa-required', 'Enter your current authenticator code first.')
  const now = ctx.now()
  return inOwnerTransaction(ctx, async (tx) => {
    const existing = await store.findMfaSecret(tx, session.userId)
    if (existing?.confirmed_at)
      throw new AppError(
        'conflict',
        'Two-factor authentication is already set up. An administrator can reset it.',
      )
    const secret = newTotpSecret()
    await tx.deleteFrom('mfa_secret').where('user_id', '=', session.userId).execute()
    await tx
      .insertInto('mfa_secret')
      .values({
        user_id: session.userId,
        secret_base32: ctx.secrets.seal(secret),
        confirmed_at: null,
        last_used_step: null,
        created_at: now,
      })
      .execute()
    await appendAudit(
      tx,
      {
        clinicId: null,
        actorUserId: session.userId,
        actorEmail: session.email,
        action: 'auth.mfa-enrol-start',
        entity: 'mfa_secret',
        entityId: session.userId,
        outcome: 'success',
        ip: session.principal.ip,
      },
      now,
    )
    const otpauthUrl = totpUri(secret, session.email)
    return { secret, otpauthUrl, qrDataUrl: await totpQrDataUrl(otpauthUrl) }
  })
}

export async function confirmMfaEnrolment(
  ctx: AppContext,
  session: ResolvedSignIn,
  code: string,
): Promise<IssuedSession> {
  if (session.state === 'mfa-required')
    throw new AppError('mfa-required', 'Enter your current authenticator code first.')
  const now = ctx.now()
  const outcome = await inOwnerTransaction(ctx, async (tx): Promise<Outcome<IssuedSession>> => {
    const secret = await store.findMfaSecret(tx, session.userId)
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
      .where('user_id', '=', session.userId)
      .execute()
    return { ok: true, value: await completeSignIn(ctx, tx, session, now, 'auth.mfa-enrol-confirm') }
  })
  if (!outcome.ok) throw outcome.error
  return outcome.value
}

export async function signOut(ctx: AppContext, session: ResolvedSignIn): Promise<void> {
  const now = ctx.now()
  await inOwnerTransaction(ctx, async (tx) => {
    await store.endSession(tx, session.sessionId, now)
    ctx.sessionCache?.forgetSession(session.sessionId)
    await appendAudit(
      tx,
      {
        clinicId: null,
        actorUserId: session.userId,
        actorEmail: session.email,
        action: 'auth.sign-out',
        entity: 'login_session',
        entityId: session.sessionId,
        outcome: 'success',
        ip: session.principal.ip,
      },
      now,
    )
  })
}

export async function describeSession(ctx: AppContext, session: ResolvedSignIn) {
  const [mfa, pin] = await inOwnerTransaction(ctx, (tx) =>
    Promise.all([store.findMfaSecret(tx, session.userId), store.findUnlockPin(tx, session.userId)]),
  )
  return {
    state: session.state,
    csrfToken: session.csrfToken,
    user: {
      id: session.userId,
      email: session.email,
      displayName: session.displayName,
      mfaEnrolled: Boolean(mfa?.confirmed_at),
      hasUnlockPin: Boolean(pin),
    },
    memberships: session.principal.memberships.map((m) => ({ ...m, permissions: permissionsOf(m.role) })),
    idleTimeoutMin: ctx.config.sessionIdleMin,
    lockedMaxHours: ctx.config.sessionLockedMaxHours,
    sessionExpiresAt: session.expiresAt.toISOString(),
  }
}
