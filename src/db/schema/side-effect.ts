import type { EnteredInErrorColumns } from './entered-in-error'

export interface SideEffectTable extends EnteredInErrorColumns {
  id: string
  clinic_id: string
  session_id: string
  patient_id: string
  term: string
  grade: number
  onset_at: Date
  action_taken: string | null
  resolved_at: Date | null
  is_serious: boolean
  recorded_by: string | null
  created_at: Date
}
export const tableName = 'side_effect'
export type PartialDB = { [tableName]: SideEffectTable }
