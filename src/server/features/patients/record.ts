import type { Permission } from '../../../domain/access/permissions'
import { clinicService } from '../../clinic-scope'
import type { Tx } from '../../context'
import { type CorrectableTable, markEnteredInError } from '../../corrections'
import { requirePatient } from './store'

// Service functions every part of a patient's record has alike: reading it (audited with the
// patient's id) and marking one of its entries entered in error.

type LoadRecord<R> = (tx: Tx, clinicId: string, patientId: string) => Promise<R>

/**
 * A read of one part of a patient's record: `(ctx, principal, clinicId, patientId)`, audited as
 * `event` with the patient's id. `isPatientChecked` answers a 404 for a patient the clinic does not
 * have (otherwise an unknown patient simply has an empty record).
 */
export function patientRecordReader<R>(
  event: { action: string; entity: string; permission?: Permission; isPatientChecked?: boolean },
  load: LoadRecord<R>,
) {
  const { permission = 'clinical:read', isPatientChecked = false, ...audited } = event
  return clinicService({ permission, ...audited }, async (scope, patientId: string) => {
    if (isPatientChecked) await requirePatient(scope.tx, scope.clinicId, patientId)
    const record = await load(scope.tx, scope.clinicId, patientId)
    await scope.audit({ ...audited, detail: { patientId } })
    return record
  })
}

/**
 * Marks an entry of a patient's record entered in error (corrections.ts):
 * `(ctx, principal, clinicId, patientId, entryId, reason)`, replying with `reload`'s result if any.
 */
export function recordCorrection(table: CorrectableTable): ReturnType<typeof correctionWithReply<undefined>>
export function recordCorrection<R>(
  table: CorrectableTable,
  reload: LoadRecord<R>,
): ReturnType<typeof correctionWithReply<R>>
export function recordCorrection<R>(table: CorrectableTable, reload?: LoadRecord<R>) {
  return correctionWithReply(table, reload ?? (async () => undefined))
}

function correctionWithReply<R>(table: CorrectableTable, reload: LoadRecord<R>) {
  return clinicService(
    { permission: 'clinical:write', action: `${table}.entered-in-error`, entity: table },
    async (scope, patientId: string, entryId: string, reason: string) => {
      await markEnteredInError(scope, table, patientId, entryId, reason)
      return reload(scope.tx, scope.clinicId, patientId)
    },
  )
}
