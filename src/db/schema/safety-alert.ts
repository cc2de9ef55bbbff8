export interface SafetyAlertTable {
  id: string
  clinic_id: string
  patient_id: string
  instrument_response_id: string | null
  kind: string
  /** Migration 011: the flag's level (clinical-reference §4); rows before it are 'urgent'. */
  severity: 'warning' | 'urgent'
  message: string
  raised_at: Date
  acknowledged_at: Date | null
  acknowledged_by: string | null
  acknowledgement_note: string | null
}
export const tableName = 'safety_alert'
export type PartialDB = { [tableName]: SafetyAlertTable }
