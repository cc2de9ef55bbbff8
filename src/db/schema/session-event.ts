import type { JSONColumnType } from 'kysely'
import type { EnteredInErrorColumns } from './entered-in-error'

export interface SessionEventTable extends EnteredInErrorColumns {
  id: string
  clinic_id: string
  session_id: string
  /** e.g. state, pre-check, infusion-start, infusion-pause, infusion-resume, infusion-stop, device, override, alert-ack */
  kind: string
  at: Date
  payload: JSONColumnType<Record<string, unknown>, string, string>
  recorded_by: string | null
  created_at: Date
}
export const tableName = 'session_event'
export type PartialDB = { [tableName]: SessionEventTable }
