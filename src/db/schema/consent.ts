export interface ConsentTable {
  id: string
  clinic_id: string
  patient_id: string
  consent_text_id: string
  signer_name: string
  signature_kind: 'drawn' | 'typed'
  /** The typed name, or a PNG data URL of the drawn signature. */
  signature_data: string
  research_use: boolean
  witness_user_id: string
  witness_name: string
  content_hash: string
  signed_at: Date
  withdrawn_at: Date | null
  withdrawn_by: string | null
  withdrawal_reason: string | null
}
export const tableName = 'consent'
export type PartialDB = { [tableName]: ConsentTable }
