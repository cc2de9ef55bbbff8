import type { EnteredInErrorColumns } from './entered-in-error'

export type VitalContext = 'intake' | 'pre' | 'intra' | 'post'

export interface VitalSignTable extends EnteredInErrorColumns {
  id: string
  clinic_id: string
  patient_id: string
  session_id: string | null
  context: VitalContext
  measured_at: Date
  systolic_mmhg: number | null
  diastolic_mmhg: number | null
  heart_rate_bpm: number | null
  spo2_percent: number | null
  respiratory_rate: number | null
  moaas: number | null
  recorded_by: string | null
  created_at: Date
}
export const tableName = 'vital_sign'
export type PartialDB = { [tableName]: VitalSignTable }
