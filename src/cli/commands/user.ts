import { isRole, type StaffRole, staffRoles } from '../../domain/access/permissions'
import { appendAudit } from '../../server/audit/append-audit'
import { generatePassword, hashPassword, passwordRules } from '../../server/features/auth/passwords'
import { endAllSignInsOfUser } from '../../server/features/auth/store'
import { uuidv7 } from '../../server/ids'
import { inOwnerTransaction } from '../../server/tenancy'
import { findClinicOption } from '../clinic-option'
import type { CliCommand } from '../command'
import { parseOptions, textOptions, UsageError } from '../command'
import { openRuntime } from '../runtime'

export const userAddCommand: CliCommand = {
  name: 'user add',
  summary: 'add a staff user to a clinic (or give an existing user a role there)',
  help: `Usage: ketacare user add --email E --name "Full Name" --role ROLE --clinic "Clinic name or id" [--password P]

ROLE is one of: ${staffRoles.join(', ')}.
Without --password a password is generated and printed once. For an existing e-mail, adds the
role in that clinic and leaves the password alone.`,
  run: async (argv, io) => {
    const { values } = parseOptions(argv, textOptions('email', 'name', 'role', 'clinic', 'password'))
    const email = values.email?.trim().toLowerCase()
    if (!email?.includes('@')) throw new UsageError('--email is required and must be an e-mail address')
    if (!values.role || !isRole(values.role) || values.role === 'patient')
      throw new UsageError(`--role must be one of ${staffRoles.join(', ')}`)
    if (!values.clinic) throw new UsageError('--clinic is required (its name or id)')
    if (values.password !== undefined && values.password.length < passwordRules.minLength) {
      throw new UsageError(`--password must have at least ${passwordRules.minLength} characters`)
    }
    const role = values.role as StaffRole
    const password = values.password ?? generatePassword()
    const passwordHash = await hashPassword(password)
    const runtime = await openRuntime(io)
    try {
      const now = runtime.ctx.now()
      const result = await inOwnerTransaction(runtime.ctx, async (tx) => {
        const clinics = await tx.selectFrom('clinic').select(['id', 'name', 'organization_id']).execute()
        const clinic = findClinicOption(clinics, values.clinic!)
        if (!clinic)
          throw new UsageError(
            `no clinic "${values.clinic}"; clinics: ${clinics.map((c) => c.name).join(', ') || '(none — run ketacare seed)'}`,
          )
        let user = await tx
          .selectFrom('app_user')
          .select(['id', 'organization_id'])
          .where('email', '=', email)
          .executeTakeFirst()
        const isNew = !user
        if (!user) {
          if (!values.name?.trim()) throw new UsageError('--name is required for a new user')
          user = { id: uuidv7(now.getTime()), organization_id: clinic.organization_id }
          await tx
            .insertInto('app_user')
            .values({
              id: user.id,
              organization_id: clinic.organization_id,
              email,
              display_name: values.name.trim(),
              password_hash: passwordHash,
              locked_until: null,
              last_sign_in_at: null,
            })
            .execute()
        } else if (user.organization_id !== clinic.organization_id) {
          throw new UsageError('that e-mail belongs to another organization')
        }
        const existing = await tx
          .selectFrom('membership')
          .select('id')
          .where('clinic_id', '=', clinic.id)
          .where('user_id', '=', user.id)
          .executeTakeFirst()
        if (existing) {
          await tx
            .updateTable('membership')
            .set((eb) => ({ role, is_active: true, version: eb('version', '+', 1) }))
            .where('id', '=', existing.id)
            .execute()
        } else {
          await tx
            .insertInto('membership')
            .values({ id: uuidv7(now.getTime()), clinic_id: clinic.id, user_id: user.id, role })
            .execute()
        }
        await appendAudit(
          tx,
          {
            clinicId: clinic.id,
            actorUserId: null,
            actorEmail: 'ketacare cli',
            action: 'users.add',
            entity: 'membership',
            entityId: user.id,
            outcome: 'success',
            detail: { email, role, newAccount: isNew },
          },
          now,
        )
        return { isNew, clinicName: clinic.name }
      })
      io.out(`${email} is now ${role} at ${result.clinicName}.\n`)
      if (result.isNew && !values.password) io.out(`Password (shown once): ${password}\n`)
      return 0
    } finally {
      await runtime.close()
    }
  },
}

export const userResetPasswordCommand: CliCommand = {
  name: 'user reset-password',
  summary: 'set a new generated password for a user and end their sessions',
  help: `Usage: ketacare user reset-password --email E

Generates a new password, prints it once, unlocks the account and ends its open sessions.`,
  run: async (argv, io) => {
    const { values } = parseOptions(argv, { email: { type: 'string' } })
    const email = values.email?.trim().toLowerCase()
    if (!email) throw new UsageError('--email is required')
    const password = generatePassword()
    const passwordHash = await hashPassword(password)
    const runtime = await openRuntime(io)
    try {
      const now = runtime.ctx.now()
      const found = await inOwnerTransaction(runtime.ctx, async (tx) => {
        const user = await tx
          .selectFrom('app_user')
          .select('id')
          .where('email', '=', email)
          .executeTakeFirst()
        if (!user) return false
        await tx
          .updateTable('app_user')
          .set((eb) => ({
            password_hash: passwordHash,
            failed_login_count: 0,
            lock_count: 0,
            locked_until: null,
            version: eb('version', '+', 1),
          }))
          .where('id', '=', user.id)
          .execute()
        await endAllSignInsOfUser(tx, user.id, now)
        await appendAudit(
          tx,
          {
            clinicId: null,
            actorUserId: null,
            actorEmail: 'ketacare cli',
            action: 'users.reset-password',
            entity: 'app_user',
            entityId: user.id,
            outcome: 'success',
            detail: { email },
          },
          now,
        )
        return true
      })
      if (!found) {
        io.err(`no user with e-mail ${email}\n`)
        return 1
      }
      io.out(`New password for ${email} (shown once): ${password}\n`)
      return 0
    } finally {
      await runtime.close()
    }
  },
}
