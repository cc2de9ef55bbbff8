import type { JSONColumnType } from 'kysely'
import type { EnteredInErrorColumns } from './entered-in-error'

export type ResponseContext = 'intake' | 'pre' | 'post' | 'between' | 'follow-up'

export interface StoredFlag {
  id: string
  severity: string
  message: string
}

export interface InstrumentResponseTable extends EnteredInErrorColumns {
  id: string
  clinic_id: string
  patient_id: string
  instrument_id: string
  answers: JSONColumnType<Record<string, number | boolean | null>, string, string>
  total: string
  band: string | null
  band_label: string | null
  subscales: JSONColumnType<Record<string, number>, string, string>
  flags: JSONColumnType<StoredFlag[], string, string>
  context: ResponseContext
  session_id: string | null
  respondent: 'patient' | 'clinician'
  administered_at: Date
  recorded_by: string | null
  created_at: Date
}
export const tableName = 'instrument_response'
export type PartialDB = { [tableName]: InstrumentResponseTable }
