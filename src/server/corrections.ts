import type { ClinicScope } from './clinic-scope'
import { AppError } from './errors'

export type CorrectableTable =
  | 'body_measurement'
  | 'antidepressant_trial'
  | 'instrument_response'
  | 'vital_sign'

/**
 * Marks a clinical row "entered in error" with a reason (design.md §1: nothing clinical is
 * deleted). The row stays in the record, shown struck through with who marked it and why.
 */
export async function markEnteredInError(
  scope: ClinicScope,
  table: CorrectableTable,
  patientId: string,
  id: string,
  reason: string,
): Promise<void> {
  const result = await scope.tx
    .updateTable(table)
    .set({
      entered_in_error_at: scope.now,
      entered_in_error_by: scope.principal.userId,
      error_reason: reason,
    })
    .where('clinic_id', '=', scope.clinicId)
    .where('patient_id', '=', patientId)
    .where('id', '=', id)
    .where('entered_in_error_at', 'is', null)
    .executeTakeFirst()
  if (result.numUpdatedRows === 0n) {
    const exists = await scope.tx
      .selectFrom(table)
      .select('id')
      .where('clinic_id', '=', scope.clinicId)
      .where('patient_id', '=', patientId)
      .where('id', '=', id)
      .executeTakeFirst()
    throw exists
      ? new AppError('conflict', 'This entry is already marked as entered in error.')
      : new AppError('not-found', 'No such entry for this patient.')
  }
  await scope.audit({
    action: `${table}.entered-in-error`,
    entity: table,
    entityId: id,
    detail: { patientId, reason },
  })
}

export function errorInfo(row: {
  entered_in_error_at: Date | null
  entered_in_error_by: string | null
  error_reason: string | null
}) {
  return row.entered_in_error_at
    ? { at: row.entered_in_error_at, by: row.entered_in_error_by, reason: row.error_reason ?? '' }
    : null
}
