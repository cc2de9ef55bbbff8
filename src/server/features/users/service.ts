import type { StaffRole } from '../../../domain/access/permissions'
import { appendAudit } from '../../audit/append-audit'
import type { ClinicScope } from '../../clinic-scope'
import { clinicService } from '../../clinic-scope'
import { readClinic } from '../../clinic-settings'
import type { AppContext } from '../../context'
import { AppError } from '../../errors'
import { uuidv7 } from '../../ids'
import type { Principal } from '../../principal'
import { inClinicTransaction } from '../../tenancy'
import { generatePassword, hashPassword } from '../auth/passwords'
import { endAllSignInsOfUser } from '../auth/store'
import { insertClinicRow } from '../clinics/clinic-rows'
import { type PageRequest, pageReply, pageWindow } from '../clinics/paging'
import * as store from './store'

export const listUsers = clinicService(
  { permission: 'users:manage', action: 'users.list', entity: 'membership' },
  async (scope, page: PageRequest & { q?: string | undefined }) => {
    const { rows, total } = await store.listClinicUsers(scope.tx, scope.clinicId, page.q, pageWindow(page))
    await scope.audit({
      action: 'users.list',
      entity: 'membership',
      detail: { page: page.page, count: rows.length },
    })
    return pageReply(rows, total, page)
  },
)

/**
 * Adds a staff member to a clinic. A new account gets a generated password, returned once for the
 * administrator to hand over; an existing account of the same organization just gains the role.
 */
export async function addUser(
  ctx: AppContext,
  principal: Principal,
  clinicId: string,
  input: { email: string; displayName: string; role: StaffRole },
) {
  // Hash outside the transaction: argon2 takes ~50 ms and holds no lock.
  const temporaryPassword = generatePassword()
  const passwordHash = await hashPassword(temporaryPassword)
  return addMember(ctx, principal, clinicId, input, { temporaryPassword, passwordHash })
}

const addMember = clinicService(
  { permission: 'users:manage', action: 'users.add', entity: 'membership' },
  async (
    scope,
    input: { email: string; displayName: string; role: StaffRole },
    newAccount: { temporaryPassword: string; passwordHash: string },
  ) => {
    const email = input.email.trim().toLowerCase()
    const clinic = await readClinic(scope.tx, scope.clinicId, ['organization_id'])
    const existing = await scope.tx
      .selectFrom('app_user')
      .select(['id', 'organization_id'])
      .where('email', '=', email)
      .executeTakeFirst()
    if (existing && existing.organization_id !== clinic.organization_id) {
      throw new AppError('conflict', 'This e-mail belongs to an account of another organization.', {
        fieldErrors: [{ field: 'email', message: 'already used by another organization' }],
      })
    }
    if (existing && (await store.findClinicUser(scope.tx, scope.clinicId, existing.id))) {
      throw new AppError('conflict', 'This person is already a member of this clinic.', {
        fieldErrors: [{ field: 'email', message: 'already a member of this clinic' }],
      })
    }
    const userId = existing?.id ?? uuidv7(scope.now.getTime())
    if (!existing) {
      await scope.tx
        .insertInto('app_user')
        .values({
          id: userId,
          organization_id: clinic.organization_id,
          email,
          display_name: input.displayName.trim(),
          password_hash: newAccount.passwordHash,
          locked_until: null,
          last_sign_in_at: null,
        })
        .execute()
    }
    await insertClinicRow(scope, 'membership', { user_id: userId, role: input.role })
    await scope.audit({
      action: 'users.add',
      entity: 'membership',
      entityId: userId,
      detail: { email, role: input.role, newAccount: !existing },
    })
    const user = await store.findClinicUser(scope.tx, scope.clinicId, userId)
    return { user: user!, temporaryPassword: existing ? null : newAccount.temporaryPassword }
  },
)

export const updateUser = clinicService(
  { permission: 'users:manage', action: 'users.update', entity: 'membership' },
  async (
    scope,
    userId: string,
    input: { role?: StaffRole | undefined; isActive?: boolean | undefined; version: number },
  ) => {
    // Nobody raises or removes their own access (issue 13): an administrator could otherwise
    // make themselves a prescriber and read every chart. Another administrator must do it.
    if (userId === scope.principal.userId) throw refuseSelfChange(scope, userId, input)
    const current = await store.findClinicUser(scope.tx, scope.clinicId, userId)
    if (!current) throw new AppError('not-found', 'No such user in this clinic.')
    if (current.version !== input.version) {
      throw new AppError(
        'stale-version',
        'Someone else changed this user since you loaded it. Reload to see the current values.',
        { extra: { currentVersion: current.version } },
      )
    }
    const losesAdmin =
      current.role === 'admin' &&
      current.isActive &&
      ((input.role !== undefined && input.role !== 'admin') || input.isActive === false)
    if (losesAdmin && (await store.countActiveAdmins(scope.tx, scope.clinicId)) <= 1) {
      throw new AppError(
        'conflict',
        'A clinic needs at least one active administrator. Make someone else an administrator first.',
      )
    }
    const result = await scope.tx
      .updateTable('membership')
      .set((eb) => ({
        role: input.role ?? current.role,
        is_active: input.isActive ?? current.isActive,
        version: eb('version', '+', 1),
      }))
      .where('clinic_id', '=', scope.clinicId)
      .where('user_id', '=', userId)
      .where('version', '=', input.version)
      .executeTakeFirst()
    if (result.numUpdatedRows === 0n)
      throw new AppError(
        'stale-version',
        'Someone else changed this user since you loaded it. Reload to see the current values.',
      )
    scope.ctx.signInCache?.forgetUser(userId)
    await scope.audit({
      action: 'users.update',
      entity: 'membership',
      entityId: userId,
      detail: { role: input.role ?? null, isActive: input.isActive ?? null },
    })
    return (await store.findClinicUser(scope.tx, scope.clinicId, userId))!
  },
)

/** Removes a lost authenticator so the user enrols again at next sign-in; ends their sessions. */
export const resetMfa = clinicService(
  { permission: 'users:manage', action: 'users.reset-mfa', entity: 'mfa_secret' },
  async (scope, userId: string) => {
    if (!(await store.findClinicUser(scope.tx, scope.clinicId, userId)))
      throw new AppError('not-found', 'No such user in this clinic.')
    await scope.tx.deleteFrom('mfa_secret').where('user_id', '=', userId).execute()
    await endAllSignInsOfUser(scope.tx, userId, scope.now)
    scope.ctx.signInCache?.forgetUser(userId)
    await scope.audit({ action: 'users.reset-mfa', entity: 'mfa_secret', entityId: userId })
    return (await store.findClinicUser(scope.tx, scope.clinicId, userId))!
  },
)

function refuseSelfChange(
  scope: ClinicScope,
  userId: string,
  input: { role?: StaffRole | undefined; isActive?: boolean | undefined },
): AppError {
  const error = new AppError(
    'forbidden',
    'You cannot change your own role or membership. Ask another administrator of this clinic to do it.',
  )
  // The refusal is kept in the clinic's audit trail although the request's transaction rolls back.
  error.afterRollback = (ctx) =>
    inClinicTransaction(ctx, scope.clinicId, (tx) =>
      appendAudit(
        tx,
        {
          clinicId: scope.clinicId,
          actorUserId: scope.principal.userId,
          actorEmail: scope.principal.email,
          action: 'users.update',
          entity: 'membership',
          entityId: userId,
          outcome: 'denied',
          ip: scope.principal.ip,
          detail: { reason: 'own membership', role: input.role ?? null, isActive: input.isActive ?? null },
        },
        scope.now,
      ),
    )
  return error
}
