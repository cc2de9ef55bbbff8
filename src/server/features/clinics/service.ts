import { clinicService } from '../../clinic-scope'
import { readClinic } from '../../clinic-settings'
import type { Tx } from '../../context'
import { AppError } from '../../errors'

export const getClinicSummary = clinicService(
  { permission: 'clinic:read', action: 'clinic.summary', entity: 'clinic' },
  async (scope) => {
    const clinic = await readClinic(scope.tx, scope.clinicId, ['name', 'time_zone'])
    const [users, events] = await Promise.all([
      scope.tx
        .selectFrom('membership')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('clinic_id', '=', scope.clinicId)
        .where('is_active', '=', true)
        .executeTakeFirstOrThrow(),
      scope.tx
        .selectFrom('audit_event')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('clinic_id', '=', scope.clinicId)
        .executeTakeFirstOrThrow(),
    ])
    await scope.audit({ action: 'clinic.summary', entity: 'clinic', entityId: scope.clinicId })
    return {
      clinicName: clinic.name,
      timeZone: clinic.time_zone,
      counts: { users: Number(users.n), auditEvents: Number(events.n) },
    }
  },
)

function readClinicDetails(tx: Tx, clinicId: string) {
  return readClinic(tx, clinicId, ['name', 'phone', 'version'])
}

/** The clinic's details patients see: its name and the phone number they are told to call. */
export const getClinicDetails = clinicService(
  { permission: 'clinic:read', action: 'clinic.details.read', entity: 'clinic' },
  async (scope) => {
    const row = await readClinicDetails(scope.tx, scope.clinicId)
    await scope.audit({ action: 'clinic.details.read', entity: 'clinic', entityId: scope.clinicId })
    return { name: row.name, phone: row.phone, version: row.version }
  },
)

/** The administrator changes the clinic's phone number (optimistic concurrency on the clinic row). */
export const updateClinicPhone = clinicService(
  { permission: 'settings:manage', action: 'clinic.details.update', entity: 'clinic' },
  async (scope, input: { phone: string | null; version: number }) => {
    const row = await readClinicDetails(scope.tx, scope.clinicId)
    if (row.version !== input.version)
      throw new AppError(
        'stale-version',
        'The clinic details were changed by someone else; reload them and apply your change again.',
        { extra: { currentVersion: row.version } },
      )
    const updated = await scope.tx
      .updateTable('clinic')
      .set((eb) => ({ phone: input.phone, version: eb('version', '+', 1) }))
      .where('id', '=', scope.clinicId)
      .where('version', '=', input.version)
      .returning(['name', 'phone', 'version'])
      .executeTakeFirstOrThrow()
    await scope.audit({
      action: 'clinic.details.update',
      entity: 'clinic',
      entityId: scope.clinicId,
      detail: { phone: { from: row.phone, to: updated.phone } },
    })
    return { name: updated.name, phone: updated.phone, version: updated.version }
  },
)
