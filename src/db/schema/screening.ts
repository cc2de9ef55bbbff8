import type { ColumnType, JSONColumnType } from 'kysely'
import type { EpisodeSeverity } from '../../domain/eligibility'

export interface ScreeningTable {
  id: string
  clinic_id: string
  patient_id: string
  contraindication_answers: JSONColumnType<Record<string, boolean | null>, string, string>
  episode_duration_months: number | null
  severity: EpisodeSeverity | null
  ect_used: boolean
  ect_bilateral: boolean
  ect_failed: boolean
  updated_by: string | null
  updated_at: Date
  version: ColumnType<number, number | undefined, number>
}
export const tableName = 'screening'
export type PartialDB = { [tableName]: ScreeningTable }
