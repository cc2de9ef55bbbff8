import type { signerProof, Wire } from '../../contract/common'
import type * as contract from '../../contract/eligibility'
import { usePatientRead, usePatientWrite } from './patients'

export type EligibilityOutcome = Wire<typeof contract.eligibilityOutcomeSchema>
/** A signed decision; `acknowledgedCautions` are the §3 pre-dose cautions acknowledged with an approval. */
export type EligibilityDecision = Wire<typeof contract.decisionSchema>
/** GET …/eligibility: everything the prescriber weighs on one screen. */
export type EligibilityReview = Wire<typeof contract.eligibilityReviewSchema>

/** Re-proof of identity at the moment of signing (design.md §6). */
export type SignerProof = Pick<Wire<typeof contract.decisionBody>, keyof typeof signerProof>

export function useEligibilityReview(clinicId: string, patientId: string) {
  return usePatientRead<EligibilityReview>(clinicId, patientId, 'eligibility')
}

export function useSignDecision(clinicId: string, patientId: string) {
  return usePatientWrite<Wire<typeof contract.decisionBody>, EligibilityDecision>(
    clinicId,
    patientId,
    (body) => ({
      path: '/eligibility-decisions',
      body,
    }),
  )
}
