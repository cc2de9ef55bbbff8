import type { LoginSessionState } from '../../../db'
import type { StaffRole } from '../../../domain/access/permissions'
import type { Tx } from '../../context'
import type { Membership } from '../../principal'

export function findUserByEmail(tx: Tx, email: string) {
  return tx.selectFrom('app_user').selectAll().where('email', '=', email).executeTakeFirst()
}

export function findUserById(tx: Tx, userId: string) {
  return tx.selectFrom('app_user').selectAll().where('id', '=', userId).executeTakeFirst()
}

export async function listActiveMemberships(
  tx: Tx,
  userId: string,
): Promise<(Membership & { mfaRequiredRoles: string[] | undefined })[]> {
  const rows = await tx
    .selectFrom('membership as m')
    .innerJoin('clinic as c', 'c.id', 'm.clinic_id')
    .innerJoin('organization as o', 'o.id', 'c.organization_id')
    .select(['m.clinic_id', 'm.role', 'c.name as clinic_name', 'o.name as organization_name', 'c.settings'])
    .where('m.user_id', '=', userId)
    .where('m.is_active', '=', true)
    .orderBy('c.name')
    .execute()
  return rows.map((r) => ({
    clinicId: r.clinic_id,
    clinicName: r.clinic_name,
    organizationName: r.organization_name,
    role: r.role as StaffRole,
    mfaRequiredRoles: r.settings.mfaRequiredRoles,
  }))
}

export function findMfaSecret(tx: Tx, userId: string) {
  return tx.selectFrom('mfa_secret').selectAll().where('user_id', '=', userId).executeTakeFirst()
}

export async function recordFailedLogin(tx: Tx, userId: string, lock: { until: Date } | null): Promise<void> {
  await tx
    .updateTable('app_user')
    .set((eb) =>
      lock
        ? { failed_login_count: 0, lock_count: eb('lock_count', '+', 1), locked_until: lock.until }
        : { failed_login_count: eb('failed_login_count', '+', 1) },
    )
    .where('id', '=', userId)
    .execute()
}

export async function recordSuccessfulLogin(tx: Tx, userId: string, now: Date): Promise<void> {
  await tx
    .updateTable('app_user')
    .set({ failed_login_count: 0, lock_count: 0, locked_until: null, last_sign_in_at: now })
    .where('id', '=', userId)
    .execute()
}

export async function insertSignIn(
  tx: Tx,
  row: {
    id: string
    userId: string
    tokenHash: string
    csrfToken: string
    state: LoginSessionState
    now: Date
    expiresAt: Date
    ip: string | null
    userAgent: string | null
  },
): Promise<void> {
  await tx
    .insertInto('login_session')
    .values({
      id: row.id,
      user_id: row.userId,
      token_hash: row.tokenHash,
      csrf_token: row.csrfToken,
      state: row.state,
      created_at: row.now,
      last_seen_at: row.now,
      expires_at: row.expiresAt,
      ip: row.ip,
      user_agent: row.userAgent,
    })
    .execute()
}

export function findSignInByTokenHash(tx: Tx, tokenHash: string) {
  return tx
    .selectFrom('login_session as s')
    .innerJoin('app_user as u', 'u.id', 's.user_id')
    .select([
      's.id',
      's.user_id',
      's.state',
      's.csrf_token',
      's.last_seen_at',
      's.expires_at',
      's.ended_at',
      's.locked_at',
      'u.email',
      'u.display_name',
      'u.is_active',
    ])
    .where('s.token_hash', '=', tokenHash)
    .executeTakeFirst()
}

export async function endSignIn(tx: Tx, signInId: string, now: Date): Promise<void> {
  await tx
    .updateTable('login_session')
    .set({ ended_at: now })
    .where('id', '=', signInId)
    .where('ended_at', 'is', null)
    .execute()
}

export async function endAllSignInsOfUser(tx: Tx, userId: string, now: Date): Promise<void> {
  await tx
    .updateTable('login_session')
    .set({ ended_at: now })
    .where('user_id', '=', userId)
    .where('ended_at', 'is', null)
    .execute()
}

export async function touchSignIn(tx: Tx, signInId: string, now: Date): Promise<void> {
  await tx.updateTable('login_session').set({ last_seen_at: now }).where('id', '=', signInId).execute()
}

export async function lockSignIn(tx: Tx, signInId: string, lockedAt: Date): Promise<void> {
  await tx
    .updateTable('login_session')
    .set({ locked_at: lockedAt })
    .where('id', '=', signInId)
    .where('locked_at', 'is', null)
    .execute()
}

/** Unlocking re-activates the same sign-in; its idle clock starts again now. */
export async function unlockSignIn(tx: Tx, signInId: string, now: Date): Promise<void> {
  await tx
    .updateTable('login_session')
    .set({ locked_at: null, last_seen_at: now })
    .where('id', '=', signInId)
    .execute()
}

export function findUnlockPin(tx: Tx, userId: string) {
  return tx.selectFrom('unlock_pin').selectAll().where('user_id', '=', userId).executeTakeFirst()
}

export async function saveUnlockPin(tx: Tx, userId: string, pinHash: string, now: Date): Promise<void> {
  await tx
    .insertInto('unlock_pin')
    .values({ user_id: userId, pin_hash: pinHash, created_at: now })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ pin_hash: pinHash, created_at: now }))
    .execute()
}

export async function deleteUnlockPin(tx: Tx, userId: string): Promise<boolean> {
  const result = await tx.deleteFrom('unlock_pin').where('user_id', '=', userId).executeTakeFirst()
  return Number(result.numDeletedRows) > 0
}

/** A right password or PIN on the lock screen clears the count of wrong ones, as a sign-in does. */
export async function clearFailedLogins(tx: Tx, userId: string): Promise<void> {
  await tx
    .updateTable('app_user')
    .set({ failed_login_count: 0, lock_count: 0, locked_until: null })
    .where('id', '=', userId)
    .execute()
}
