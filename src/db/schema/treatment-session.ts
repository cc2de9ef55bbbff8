import type { ColumnType } from 'kysely'
import type { WeightBasis } from '../../domain/dosing'
import type { SessionState } from '../../domain/session'

export type SessionRoute = 'iv' | 'intranasal'

export interface TreatmentSessionTable {
  id: string
  clinic_id: string
  patient_id: string
  plan_id: string
  chair_id: string | null
  session_number: number
  scheduled_at: Date
  planned_duration_min: number
  state: SessionState
  route: SessionRoute
  spacing_override_reason: string | null
  spacing_override_by: string | null
  supervising_prescriber_id: string | null
  primary_nurse_id: string | null
  weight_kg: string | null
  dose_basis: WeightBasis | null
  planned_dose_mg: string | null
  vial_mg_per_ml: string | null
  infusion_min: string | null
  dose_checked_by: string | null
  dose_checked_at: Date | null
  dose_started_at: Date | null
  dose_ended_at: Date | null
  escort_name: string | null
  is_escort_present: boolean
  discharged_at: Date | null
  discharge_signed_by: string | null
  discharge_signer_name: string | null
  discharge_content_hash: string | null
  end_reason: string | null
  rems_submitted_at: Date | null
  rems_submitted_by: string | null
  created_at: Date
  created_by: string | null
  updated_at: Date
  version: ColumnType<number, number | undefined, number>
}
export const tableName = 'treatment_session'
export type PartialDB = { [tableName]: TreatmentSessionTable }
