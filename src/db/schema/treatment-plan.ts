import type { ColumnType } from 'kysely'
import type { WeightBasis } from '../../domain/dosing'

export type PlanStatus = 'draft' | 'approved' | 'superseded' | 'cancelled'

export interface TreatmentPlanTable {
  id: string
  clinic_id: string
  patient_id: string
  protocol_id: string
  dose_basis: WeightBasis
  dose_mg_per_kg: string | null
  dose_mg: string | null
  max_dose_mg_per_kg: string | null
  planned_sessions: number
  cadence: string
  note: string | null
  status: PlanStatus
  created_by: string | null
  created_at: Date
  approved_by: string | null
  approver_name: string | null
  approved_at: Date | null
  content_hash: string | null
  version: ColumnType<number, number | undefined, number>
}
export const tableName = 'treatment_plan'
export type PartialDB = { [tableName]: TreatmentPlanTable }
