import { type Kysely, sql, type Updateable, type WhereInterface } from 'kysely'
import type { Database } from '../db'
import type { ClinicScope } from './clinic-scope'
import { AppError } from './errors'

export type CorrectableTable =
  | 'body_measurement'
  | 'antidepressant_trial'
  | 'instrument_response'
  | 'vital_sign'

/** Tables of a patient's rows that are marked once: a correction, an acknowledgement. */
type MarkableTable = CorrectableTable | 'safety_alert'

/** The columns every markable table has. */
type PatientRows = { row: { id: string; clinic_id: string; patient_id: string } }

/**
 * Sets the marking columns of one of the patient's rows, once: `marked` is the column that says
 * the row is marked. A row marked before is a 409 with `alreadyMarked`, one the patient does not
 * have a 404 with `missing`.
 */
export async function markPatientRowOnce<T extends MarkableTable>(
  scope: ClinicScope,
  table: T,
  patientId: string,
  id: string,
  marking: {
    set: Updateable<Database[T]>
    marked: keyof Database[T] & string
    alreadyMarked: string
    missing: string
  },
): Promise<void> {
  // Kysely cannot check columns of a table chosen by a type parameter; the signature does, so the
  // queries are written against a table of the columns every markable table has.
  const tx = scope.tx as unknown as Kysely<PatientRows>
  const ofPatient = <Q extends WhereInterface<PatientRows, 'row'>>(query: Q) =>
    query
      .where('clinic_id', '=', scope.clinicId)
      .where('patient_id', '=', patientId)
      .where('id', '=', id) as Q
  const result = await ofPatient(tx.updateTable(table as 'row').set(marking.set as never))
    .where(sql.ref(marking.marked), 'is', null)
    .executeTakeFirst()
  if (result.numUpdatedRows > 0n) return
  const exists = await ofPatient(tx.selectFrom(table as 'row').select('id')).executeTakeFirst()
  throw exists ? new AppError('conflict', marking.alreadyMarked) : new AppError('not-found', marking.missing)
}

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
  await markPatientRowOnce(scope, table, patientId, id, {
    set: {
      entered_in_error_at: scope.now,
      entered_in_error_by: scope.principal.userId,
      error_reason: reason,
    },
    marked: 'entered_in_error_at',
    alreadyMarked: 'This entry is already marked as entered in error.',
    missing: 'No such entry for this patient.',
  })
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
