import type { Selectable } from 'kysely'
import type { RemsRecordKind, RemsRecordTable } from '../../../db'
import type { Tx } from '../../context'

export type RemsRow = Selectable<RemsRecordTable>

/** Every entry of one kind (for one patient, for enrolments), newest first: the first is in force. */
export function listRemsRecords(
  tx: Tx,
  clinicId: string,
  kind: RemsRecordKind,
  patientId: string | null,
): Promise<RemsRow[]> {
  let query = tx
    .selectFrom('rems_record')
    .selectAll()
    .where('clinic_id', '=', clinicId)
    .where('kind', '=', kind)
  query =
    patientId === null ? query.where('patient_id', 'is', null) : query.where('patient_id', '=', patientId)
  return query.orderBy('entry_no', 'desc').execute()
}
