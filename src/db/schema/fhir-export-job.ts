import type { JSONColumnType } from 'kysely'

export type FhirExportStatus = 'queued' | 'running' | 'completed' | 'failed' | 'cancelled' | 'expired'

/** One file of a finished export: its type and how many resources (lines) it holds. */
export interface FhirExportOutput {
  type: string
  count: number
}

export interface FhirExportJobTable {
  id: string
  clinic_id: string
  /** Who started it (a user id, or a backend client's): only they may poll, fetch or cancel. */
  requested_by: string
  requested_by_email: string
  /** The kick-off URL, echoed as the manifest's `request`. */
  request_url: string
  level: 'system' | 'group' | 'patient'
  types: JSONColumnType<string[], string, string>
  /** `_since`: only resources changed at or after it. */
  since: Date | null
  /** Patients the export is limited to (null: the clinic's all). */
  patient_ids: JSONColumnType<string[] | null, string | null, string | null>
  status: FhirExportStatus
  /** The X-Progress text while it runs. */
  progress: string | null
  output: JSONColumnType<FhirExportOutput[], string, string>
  error: string | null
  claimed_by: string | null
  claimed_at: Date | null
  /** The manifest's `transactionTime`: the kick-off. */
  transaction_time: Date
  created_at: Date
  completed_at: Date | null
  expires_at: Date
}
export const tableName = 'fhir_export_job'
export type PartialDB = { [tableName]: FhirExportJobTable }
