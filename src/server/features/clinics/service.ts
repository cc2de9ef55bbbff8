import { runInClinic } from '../../clinic-scope'
import type { AppContext } from '../../context'
import type { Principal } from '../../principal'

export async function getClinicSummary(ctx: AppContext, principal: Principal, clinicId: string) {
  return runInClinic(
    ctx,
    principal,
    { clinicId, permission: 'clinic:read', action: 'clinic.summary', entity: 'clinic' },
    async (scope) => {
      const clinic = await scope.tx
        .selectFrom('clinic')
        .select(['name', 'time_zone'])
        .where('id', '=', clinicId)
        .executeTakeFirstOrThrow()
      const [users, events] = await Promise.all([
        scope.tx
          .selectFrom('membership')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .where('clinic_id', '=', clinicId)
          .where('is_active', '=', true)
          .executeTakeFirstOrThrow(),
        scope.tx
          .selectFrom('audit_event')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .where('clinic_id', '=', clinicId)
          .executeTakeFirstOrThrow(),
      ])
      await scope.audit({ action: 'clinic.summary', entity: 'clinic', entityId: clinicId })
      return {
        clinicName: clinic.name,
        timeZone: clinic.time_zone,
        counts: { users: Number(users.n), auditEvents: Number(events.n) },
      }
    },
  )
}
