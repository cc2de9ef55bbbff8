export type RemsRecordKind = 'setting-certification' | 'patient-enrolment'

/** REMS certification (clinic) and enrolment (patient) entries; append-only, newest in force. */
export interface RemsRecordTable {
  id: string
  clinic_id: string
  kind: RemsRecordKind
  /** Set for a patient enrolment, null for the clinic's setting certification. */
  patient_id: string | null
  /** 1 for the first entry of its kind (per patient), counting up with each correction. */
  entry_no: number
  identifier: string
  /** The date certified or enrolled, 'YYYY-MM-DD'. */
  effective_on: string
  /** Why a newer entry replaces the one before it; null for the first. */
  correction_reason: string | null
  recorded_by: string
  recorder_name: string
  recorded_at: Date
}
export const tableName = 'rems_record'
export type PartialDB = { [tableName]: RemsRecordTable }
