import type { signerProof, Wire } from '../../contract/common'
import type {
  decisionBody,
  decisionSchema,
  eligibilityOutcomeSchema,
  eligibilityReviewSchema,
} from '../../contract/eligibility'
import { usePatientRead, usePatientWrite } from './patients'

export type EligibilityOutcome = Wire<typeof eligibilityOutcomeSchema>
/** A signed decision; `acknowledgedCautions` are the §3 pre-dose cautions acknowledged with an approval. */
export type EligibilityDecision = Wire<typeof decisionSchema>
/** GET …/eligibility: everything the prescriber weighs on one screen. */
export type EligibilityReview = Wire<typeof eligibilityReviewSchema>

/** Re-proof of identity at the moment of signing (design.md §6). */
export type SignerProof = Pick<Wire<typeof decisionBody>, keyof typeof signerProof>

export function useEligibilityReview(clinicId: string, patientId: string) {
  return usePatientRead<EligibilityReview>(clinicId, patientId, 'eligibility')
}

export function useSignDecision(clinicId: string, patientId: string) {
  return usePatientWrite<Wire<typeof decisionBody>, EligibilityDecision>(clinicId, patientId, (body) => ({
    path: '/eligibility-decisions',
    body,
  }))
}
