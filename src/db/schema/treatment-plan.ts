import type { ColumnType } from 'kysely'
import type { DoseLimit, WeightBasis } from '../../domain/dosing'

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
  /** Dose on the ideal/adjusted weight even above actual weight (§2): needs a signed override. */
  dose_above_actual_weight: ColumnType<boolean, boolean | undefined, boolean>
  /** The §2 limits the approval signature overrides, with the prescriber's reason (migration 012). */
  dose_override_limits: ColumnType<DoseLimit[] | null, string | null | undefined, string | null>
  dose_override_reason: ColumnType<string | null, string | null | undefined, string | null>
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
