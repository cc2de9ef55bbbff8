import type { PortalSessionScope } from '../../../db'
import type { CanonicalValue } from '../../../domain/ledger/hash-chain'
import { appendAudit } from '../../audit/append-audit'
import type { AppContext, Tx } from '../../context'
import { AppError } from '../../errors'
import { hashToken, randomToken, uuidv7 } from '../../ids'
import { inOwnerTransaction } from '../../tenancy'
import { burnPasswordCheck, hashPassword, passwordRules, verifyPassword } from '../auth/passwords'
import type { PortalPatient } from './patient-scope'
import { createToken, inviteDays } from './store'

// Patient sign-in, kept apart from staff sign-in: its own accounts, cookie and sessions. Tokens
// (invites, magic links, session cookies) are stored as SHA-256 hashes and used once.

export const portalCookie = 'kc_portal'

/** The account columns that turn a patient's two-step sign-in off: no secret, no pending enrolment. */
export const twoStepSignInOff = {
  mfa_secret_base32: null,
  mfa_enabled_at: null,
  mfa_pending_secret_base32: null,
  mfa_last_used_step: null,
} as const
const sessionHours = 8
/** A session waiting for its code: long enough to open the app, short enough to be worthless. */
const pendingMin = 10
const idleMin = 30
const maxFailures = 5
const lockMin = 15

export interface IssuedPortalSession {
  token: string
  csrfToken: string
  scope: PortalSessionScope
  surveyId: string | null
}

export async function issue(
  tx: Tx,
  patient: { patient_id: string; clinic_id: string },
  scope: PortalSessionScope,
  surveyId: string | null,
  now: Date,
): Promise<IssuedPortalSession> {
  const token = randomToken()
  const csrfToken = randomToken()
  await tx
    .insertInto('portal_session')
    .values({
      id: uuidv7(now.getTime()),
      clinic_id: patient.clinic_id,
      patient_id: patient.patient_id,
      token_hash: hashToken(token),
      csrf_token: csrfToken,
      scope,
      survey_id: surveyId,
      created_at: now,
      last_seen_at: now,
      expires_at: new Date(
        now.getTime() + (scope === 'mfa-pending' ? pendingMin * 60_000 : sessionHours * 3_600_000),
      ),
      ended_at: null,
    })
    .execute()
  return { token, csrfToken, scope, surveyId }
}

/** Who a portal event is about and from where: the patient is the actor, in their clinic's chain. */
interface PortalActor {
  clinicId: string
  patientId: string | null
  email: string
  ip: string | null
}

const accountActor = (
  account: { clinic_id: string; patient_id: string; email: string },
  ip: string | null,
): PortalActor => ({ clinicId: account.clinic_id, patientId: account.patient_id, email: account.email, ip })

/** The portal's audit helper: sign-in events go to the patient's clinic chain, the patient as actor. */
export const audit = (
  tx: Tx,
  actor: PortalActor,
  action: string,
  outcome: 'success' | 'failure' | 'denied',
  now: Date,
  detail?: Record<string, CanonicalValue>,
) =>
  appendAudit(
    tx,
    {
      clinicId: actor.clinicId,
      actorUserId: actor.patientId,
      actorEmail: `patient:${actor.email}`,
      action,
      entity: 'patient_account',
      entityId: actor.patientId,
      outcome,
      ip: actor.ip,
      ...(detail ? { detail } : {}),
    },
    now,
  )

export function lockedError(lockedUntil: Date, now: Date): AppError {
  return new AppError('account-locked', 'Too many attempts. Please wait a little and try again.', {
    extra: { retryAfterSec: Math.ceil((lockedUntil.getTime() - now.getTime()) / 1000) },
  })
}

/**
 * Counts a wrong password or code against the account; the fifth in a row locks it for a while.
 * Returns the lock's end when this attempt locked the account.
 */
export async function recordFailedAttempt(
  tx: Tx,
  account: { patient_id: string; failed_login_count: number },
  now: Date,
): Promise<Date | null> {
  const failures = account.failed_login_count + 1
  const lockedUntil = failures >= maxFailures ? new Date(now.getTime() + lockMin * 60_000) : null
  await tx
    .updateTable('patient_account')
    .set({ failed_login_count: lockedUntil ? 0 : failures, locked_until: lockedUntil })
    .where('patient_id', '=', account.patient_id)
    .execute()
  return lockedUntil
}

/** A valid, unused token of the kind, or the error a person can act on (404 unknown, 410 spent). */
async function findToken(tx: Tx, token: string, kind: 'invite' | 'survey', now: Date) {
  const row = await tx
    .selectFrom('portal_token')
    .selectAll()
    .where('token_hash', '=', hashToken(token))
    .where('kind', '=', kind)
    .executeTakeFirst()
  if (!row) throw new AppError('not-found', 'This link is not valid. Ask your clinic for a new one.')
  if (row.used_at || row.expires_at <= now)
    throw new AppError(
      'gone',
      'This link has already been used or has expired. Ask your clinic for a new one.',
    )
  return row
}

export function describeInvite(ctx: AppContext, token: string) {
  return inOwnerTransaction(ctx, async (tx) => {
    const row = await findToken(tx, token, 'invite', ctx.now())
    const info = await tx
      .selectFrom('patient as p')
      .innerJoin('clinic as c', 'c.id', 'p.clinic_id')
      .innerJoin('patient_account as a', 'a.patient_id', 'p.id')
      .select(['p.given_name', 'c.name as clinic_name', 'a.email'])
      .where('p.id', '=', row.patient_id)
      .executeTakeFirstOrThrow()
    return {
      givenName: info.given_name,
      clinicName: info.clinic_name,
      email: info.email,
      expiresAt: row.expires_at,
    }
  })
}

export async function acceptInvite(
  ctx: AppContext,
  token: string,
  password: string,
  ip: string | null,
): Promise<IssuedPortalSession> {
  if (password.length < passwordRules.minLength) {
    throw new AppError(
      'validation-failed',
      `Choose a password of at least ${passwordRules.minLength} characters.`,
      {
        fieldErrors: [
          { field: 'password', message: `must be at least ${passwordRules.minLength} characters` },
        ],
      },
    )
  }
  const passwordHash = await hashPassword(password)
  const now = ctx.now()
  const outcome = await inOwnerTransaction(ctx, async (tx): Promise<IssuedPortalSession | AppError> => {
    const row = await findToken(tx, token, 'invite', now)
    const before = await tx
      .selectFrom('patient_account')
      .select(['mfa_enabled_at', 'activated_at', 'email'])
      .where('patient_id', '=', row.patient_id)
      .executeTakeFirstOrThrow()
    // Resetting an account already in use (new password, two-step off) takes more than the link:
    // a clinician's action. We chose that over a code sent to the account's e-mail because the
    // e-mail is what a takeover changes first (front desk may edit it, and the invite follows the
    // patient's current address), because a patient who lost their phone has often lost that
    // mailbox too, and because without an e-mail server no second code could reach anyone. A
    // clinician may read the chart already, so their invite gives nobody a new view of it.
    if (before.activated_at && !row.reset_approved_by) {
      await audit(
        tx,
        { clinicId: row.clinic_id, patientId: row.patient_id, email: before.email, ip },
        'portal.invite-accepted',
        'denied',
        now,
        {
          reason: 'account already active; the invite was not issued by a clinician',
        },
      )
      return new AppError(
        'forbidden',
        'Your portal account is already set up: sign in with your password. To reset it, ask a nurse or prescriber at your clinic to send you a new invitation.',
      )
    }
    await tx.updateTable('portal_token').set({ used_at: now }).where('id', '=', row.id).execute()
    // Only the clinic can send an invite, so a new one is also the way back in for a patient who
    // lost the phone with their authenticator: it sets a new password and turns two-step off.
    const account = await tx
      .updateTable('patient_account')
      .set({
        password_hash: passwordHash,
        activated_at: now,
        last_sign_in_at: now,
        failed_login_count: 0,
        locked_until: null,
        ...twoStepSignInOff,
      })
      .where('patient_id', '=', row.patient_id)
      .returning(['patient_id', 'clinic_id', 'email'])
      .executeTakeFirstOrThrow()
    await audit(
      tx,
      accountActor(account, ip),
      'portal.invite-accepted',
      'success',
      now,
      before.mfa_enabled_at ? { reason: 'new password; two-step sign-in turned off' } : undefined,
    )
    return issue(tx, account, 'full', null, now)
  })
  if (outcome instanceof AppError) throw outcome
  return outcome
}

export async function signInPatient(
  ctx: AppContext,
  emailInput: string,
  password: string,
  ip: string | null,
): Promise<IssuedPortalSession> {
  const email = emailInput.trim().toLowerCase()
  const now = ctx.now()
  const outcome = await inOwnerTransaction(ctx, async (tx): Promise<IssuedPortalSession | AppError> => {
    const account = await tx
      .selectFrom('patient_account')
      .selectAll()
      .where('email', '=', email)
      .executeTakeFirst()
    if (!account?.password_hash) {
      await burnPasswordCheck(password)
      return new AppError('invalid-credentials', 'The e-mail or password is not right.')
    }
    if (account.locked_until && account.locked_until > now) return lockedError(account.locked_until, now)
    if (!(await verifyPassword(account.password_hash, password))) {
      await recordFailedAttempt(tx, account, now)
      await audit(tx, accountActor(account, ip), 'portal.sign-in', 'failure', now)
      return new AppError('invalid-credentials', 'The e-mail or password is not right.')
    }
    if (account.mfa_enabled_at) {
      // The failure count is left alone until the code is right, so wrong codes add up to the
      // lockout even when the password is typed again in between.
      await audit(tx, accountActor(account, ip), 'portal.sign-in', 'success', now, {
        reason: 'password accepted; code required',
      })
      return issue(tx, account, 'mfa-pending', null, now)
    }
    await tx
      .updateTable('patient_account')
      .set({ failed_login_count: 0, locked_until: null, last_sign_in_at: now })
      .where('patient_id', '=', account.patient_id)
      .execute()
    await audit(tx, accountActor(account, ip), 'portal.sign-in', 'success', now)
    return issue(tx, account, 'full', null, now)
  })
  if (outcome instanceof AppError) throw outcome
  return outcome
}

/** A one-time link from a reminder opens a session limited to that one survey. */
export function openMagicLink(
  ctx: AppContext,
  token: string,
  ip: string | null,
): Promise<IssuedPortalSession> {
  const now = ctx.now()
  return inOwnerTransaction(ctx, async (tx) => {
    const row = await findToken(tx, token, 'survey', now)
    await tx.updateTable('portal_token').set({ used_at: now }).where('id', '=', row.id).execute()
    const account = await tx
      .selectFrom('patient_account')
      .select(['patient_id', 'clinic_id', 'email'])
      .where('patient_id', '=', row.patient_id)
      .executeTakeFirstOrThrow()
    await audit(tx, accountActor(account, ip), 'portal.magic-link', 'success', now)
    return issue(tx, account, 'survey', row.survey_id, now)
  })
}

/** The patient behind a portal cookie; ends idle or expired sessions. */
export async function resolvePortalSession(
  ctx: AppContext,
  token: string | undefined,
  ip: string | null,
): Promise<PortalPatient & { csrfToken: string }> {
  if (!token) throw new AppError('not-signed-in', 'Please sign in.')
  const now = ctx.now()
  const outcome = await inOwnerTransaction(ctx, async (tx) => {
    const s = await tx
      .selectFrom('portal_session as s')
      .innerJoin('patient_account as a', 'a.patient_id', 's.patient_id')
      .select([
        's.id',
        's.patient_id',
        's.clinic_id',
        's.scope',
        's.survey_id',
        's.csrf_token',
        's.last_seen_at',
        's.expires_at',
        's.ended_at',
        'a.email',
      ])
      .where('s.token_hash', '=', hashToken(token))
      .executeTakeFirst()
    if (!s || s.ended_at) return new AppError('not-signed-in', 'Please sign in.')
    if (s.expires_at <= now || s.last_seen_at.getTime() + idleMin * 60_000 <= now.getTime()) {
      await tx.updateTable('portal_session').set({ ended_at: now }).where('id', '=', s.id).execute()
      return new AppError(
        'session-expired',
        'You were signed out after a while without activity. Please sign in again.',
      )
    }
    if (now.getTime() - s.last_seen_at.getTime() > 15_000)
      await tx.updateTable('portal_session').set({ last_seen_at: now }).where('id', '=', s.id).execute()
    return {
      patientId: s.patient_id,
      clinicId: s.clinic_id,
      email: s.email,
      sessionId: s.id,
      scope: s.scope,
      surveyId: s.survey_id,
      ip,
      csrfToken: s.csrf_token,
    }
  })
  if (outcome instanceof AppError) throw outcome
  return outcome
}

export function signOutPatient(ctx: AppContext, patient: PortalPatient): Promise<void> {
  const now = ctx.now()
  return inOwnerTransaction(ctx, async (tx) => {
    await tx
      .updateTable('portal_session')
      .set({ ended_at: now })
      .where('id', '=', patient.sessionId)
      .execute()
    await audit(tx, patient, 'portal.sign-out', 'success', now)
  })
}

/**
 * Creates (or renews) the patient's account invite; returns the one-time token and its row.
 * A new invite replaces the older ones still unused. `resetApprovedBy` is the clinician who issued
 * it, when it was one: only such an invite may reset an account that is already active.
 */
export async function createInvite(
  tx: Tx,
  clinicId: string,
  patientId: string,
  email: string,
  now: Date,
  resetApprovedBy: string | null,
): Promise<{ id: string; token: string; expiresAt: Date }> {
  await tx
    .insertInto('patient_account')
    .values({
      patient_id: patientId,
      clinic_id: clinicId,
      email,
      password_hash: null,
      failed_login_count: 0,
      locked_until: null,
      invited_at: now,
      activated_at: null,
      last_sign_in_at: null,
    })
    .onConflict((oc) => oc.column('patient_id').doUpdateSet({ email, invited_at: now }))
    .execute()
  await tx
    .updateTable('portal_token')
    .set({ used_at: now })
    .where('clinic_id', '=', clinicId)
    .where('patient_id', '=', patientId)
    .where('kind', '=', 'invite')
    .where('used_at', 'is', null)
    .execute()
  return createToken(
    tx,
    clinicId,
    patientId,
    'invite',
    null,
    new Date(now.getTime() + inviteDays * 86_400_000),
    now,
    resetApprovedBy,
  )
}
