import type { EnteredInErrorColumns } from './entered-in-error'

export interface BodyMeasurementTable extends EnteredInErrorColumns {
  id: string
  clinic_id: string
  patient_id: string
  measured_at: Date
  /** numeric: decimal text */
  weight_kg: string
  height_cm: string | null
  recorded_by: string | null
  created_at: Date
}
export const tableName = 'body_measurement'
export type PartialDB = { [tableName]: BodyMeasurementTable }
