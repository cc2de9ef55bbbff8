import type { AppContext, Tx } from '../../context'
import { AppError } from '../../errors'
import { inOwnerTransaction } from '../../tenancy'
import { verifyPassword } from '../auth/passwords'
import { checkStoredTotp, newTotpSecret, totpQrDataUrl, totpUri } from '../auth/totp'
import {
  audit,
  type IssuedPortalSession,
  issue,
  lockedError,
  recordFailedAttempt,
  twoStepSignInOff,
} from './auth'
import type { PortalPatient } from './patient-scope'

// Optional two-step sign-in for patients, with the staff TOTP helpers (`../auth/totp.ts`: one step
// of clock drift, and the matched step returned so a code cannot be used twice). Failures are
// written and audited in a transaction that commits, then thrown, as in `auth.ts`.

const wrongCode = (field?: string) =>
  new AppError(
    'invalid-mfa-code',
    'That code did not work. Check the time on your phone and enter the newest code.',
    field ? { fieldErrors: [{ field, message: 'does not match the authenticator app' }] } : {},
  )

async function loadAccount(tx: Tx, patientId: string) {
  return tx
    .selectFrom('patient_account')
    .selectAll()
    .where('patient_id', '=', patientId)
    .executeTakeFirstOrThrow()
}

/** Set-up and turning off need the whole portal, not a one-survey link or a half-finished sign-in. */
function requireFullSession(patient: PortalPatient) {
  if (patient.scope !== 'full')
    throw new AppError('forbidden', 'Sign in with your password to change two-step sign-in.')
}

async function unwrap<T>(work: Promise<T | AppError>): Promise<T> {
  const outcome = await work
  if (outcome instanceof AppError) throw outcome
  return outcome
}

export function mfaStatus(ctx: AppContext, patient: PortalPatient) {
  requireFullSession(patient)
  const now = ctx.now()
  return inOwnerTransaction(ctx, async (tx) => {
    const account = await loadAccount(tx, patient.patientId)
    await audit(tx, patient, 'portal.mfa-status', 'success', now)
    return { isEnabled: account.mfa_enabled_at !== null, enabledAt: account.mfa_enabled_at }
  })
}

/** A new secret for the patient's authenticator app; it takes effect only once a code confirms it. */
export function startMfaEnrolment(ctx: AppContext, patient: PortalPatient) {
  requireFullSession(patient)
  const now = ctx.now()
  return inOwnerTransaction(ctx, async (tx) => {
    const account = await loadAccount(tx, patient.patientId)
    if (account.mfa_enabled_at)
      throw new AppError('conflict', 'Two-step sign-in is already on. Turn it off first to set up a new app.')
    const secret = newTotpSecret()
    await tx
      .updateTable('patient_account')
      .set({ mfa_pending_secret_base32: ctx.secrets.seal(secret) })
      .where('patient_id', '=', patient.patientId)
      .execute()
    await audit(tx, patient, 'portal.mfa-enrol-start', 'success', now)
    const otpauthUrl = totpUri(secret, account.email)
    return { secret, otpauthUrl, qrDataUrl: await totpQrDataUrl(otpauthUrl) }
  })
}

/** The first code proves the app holds the secret; other sessions of the patient end. */
export function confirmMfaEnrolment(ctx: AppContext, patient: PortalPatient, code: string) {
  requireFullSession(patient)
  const now = ctx.now()
  return unwrap(
    inOwnerTransaction(ctx, async (tx) => {
      const account = await loadAccount(tx, patient.patientId)
      const pending = account.mfa_pending_secret_base32
      if (account.mfa_enabled_at || !pending)
        return new AppError('conflict', 'Start the set-up again: no app is waiting to be confirmed.')
      const step = checkStoredTotp(ctx.secrets, pending, code, now, null)
      const log = (outcome: 'success' | 'failure') =>
        audit(tx, patient, 'portal.mfa-enrol-confirm', outcome, now)
      if (step === null) {
        await log('failure')
        return wrongCode('code')
      }
      await tx
        .updateTable('patient_account')
        .set({
          mfa_secret_base32: pending,
          mfa_enabled_at: now,
          mfa_pending_secret_base32: null,
          mfa_last_used_step: step,
        })
        .where('patient_id', '=', patient.patientId)
        .execute()
      // A session opened elsewhere with the password alone should not outlive the new protection.
      await tx
        .updateTable('portal_session')
        .set({ ended_at: now })
        .where('patient_id', '=', patient.patientId)
        .where('id', '!=', patient.sessionId)
        .where('ended_at', 'is', null)
        .execute()
      await log('success')
      return { isEnabled: true, enabledAt: now }
    }),
  )
}

/** Turning two-step off asks again for the password or a code, so an unattended tablet cannot. */
export function disableMfa(
  ctx: AppContext,
  patient: PortalPatient,
  proof: { password: string } | { code: string },
) {
  requireFullSession(patient)
  const now = ctx.now()
  return unwrap(
    inOwnerTransaction(ctx, async (tx) => {
      const account = await loadAccount(tx, patient.patientId)
      if (!account.mfa_enabled_at || !account.mfa_secret_base32)
        return new AppError('conflict', 'Two-step sign-in is already off.')
      if (account.locked_until && account.locked_until > now) return lockedError(account.locked_until, now)
      const log = (outcome: 'success' | 'failure', reason: string) =>
        audit(tx, patient, 'portal.mfa-disable', outcome, now, { reason })
      let step: number | null = null
      if ('code' in proof) {
        step = checkStoredTotp(
          ctx.secrets,
          account.mfa_secret_base32,
          proof.code,
          now,
          account.mfa_last_used_step,
        )
        if (step === null) {
          const lockedUntil = await recordFailedAttempt(tx, account, now)
          await log('failure', 'wrong code')
          return lockedUntil ? lockedError(lockedUntil, now) : wrongCode('code')
        }
      } else if (!account.password_hash || !(await verifyPassword(account.password_hash, proof.password))) {
        const lockedUntil = await recordFailedAttempt(tx, account, now)
        await log('failure', 'wrong password')
        return lockedUntil
          ? lockedError(lockedUntil, now)
          : new AppError('invalid-credentials', 'That password is not right.', {
              fieldErrors: [{ field: 'password', message: 'is not your current password' }],
            })
      }
      await tx
        .updateTable('patient_account')
        .set({ ...twoStepSignInOff, failed_login_count: 0 })
        .where('patient_id', '=', patient.patientId)
        .execute()
      await log('success', step === null ? 'password confirmed' : 'code confirmed')
      return { isEnabled: false, enabledAt: null }
    }),
  )
}

/**
 * Second sign-in step: a right code ends the waiting session and issues a new, full one (a fresh
 * token, so the waiting cookie can never become a full session). Wrong codes count toward the
 * lockout; the one that locks the account also ends the waiting session.
 */
export function verifyMfaSignIn(
  ctx: AppContext,
  patient: PortalPatient,
  code: string,
): Promise<IssuedPortalSession> {
  if (patient.scope !== 'mfa-pending')
    return Promise.reject(new AppError('conflict', 'This sign-in is not waiting for a code.'))
  const now = ctx.now()
  return unwrap(
    inOwnerTransaction(ctx, async (tx) => {
      const account = await loadAccount(tx, patient.patientId)
      const endWaiting = () =>
        tx.updateTable('portal_session').set({ ended_at: now }).where('id', '=', patient.sessionId).execute()
      const log = (outcome: 'success' | 'failure' | 'denied', reason: string) =>
        audit(tx, patient, 'portal.mfa-verify', outcome, now, { reason })
      if (account.locked_until && account.locked_until > now) {
        await endWaiting()
        await log('denied', 'account locked')
        return lockedError(account.locked_until, now)
      }
      const step =
        account.mfa_enabled_at && account.mfa_secret_base32
          ? checkStoredTotp(ctx.secrets, account.mfa_secret_base32, code, now, account.mfa_last_used_step)
          : null
      if (step === null) {
        const lockedUntil = await recordFailedAttempt(tx, account, now)
        if (lockedUntil) await endWaiting()
        await log('failure', lockedUntil ? 'wrong code; account locked' : 'wrong code')
        return lockedUntil ? lockedError(lockedUntil, now) : wrongCode()
      }
      await tx
        .updateTable('patient_account')
        .set({ mfa_last_used_step: step, failed_login_count: 0, locked_until: null, last_sign_in_at: now })
        .where('patient_id', '=', patient.patientId)
        .execute()
      await endWaiting()
      await log('success', 'signed in')
      return issue(tx, account, 'full', null, now)
    }),
  )
}
