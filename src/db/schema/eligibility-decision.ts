import type { JSONColumnType } from 'kysely'

export type EligibilityOutcome = 'approve' | 'decline' | 'defer'

export interface EligibilityDecisionTable {
  id: string
  clinic_id: string
  patient_id: string
  decision: EligibilityOutcome
  reason: string
  override_reason: string | null
  /** What the prescriber saw and signed: TRD result, contraindications, scores. */
  snapshot: JSONColumnType<Record<string, unknown>, string, string>
  content_hash: string
  meaning: string
  signed_by: string
  signer_name: string
  signed_at: Date
}
export const tableName = 'eligibility_decision'
export type PartialDB = { [tableName]: EligibilityDecisionTable }
