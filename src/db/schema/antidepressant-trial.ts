import type { Adherence, DrugClass, TrialOutcome } from '../../domain/eligibility'
import type { EnteredInErrorColumns } from './entered-in-error'

export interface AntidepressantTrialTable extends EnteredInErrorColumns {
  id: string
  clinic_id: string
  patient_id: string
  drug: string
  drug_class: DrugClass
  max_daily_dose_mg: string | null
  dose_adequate: boolean
  weeks: string
  adherence: Adherence
  outcome: TrialOutcome
  augmentation: boolean
  is_current_episode: boolean
  started_on: string | null
  note: string | null
  recorded_by: string | null
  created_at: Date
}
export const tableName = 'antidepressant_trial'
export type PartialDB = { [tableName]: AntidepressantTrialTable }
