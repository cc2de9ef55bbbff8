import { useQuery } from '@tanstack/react-query'
import type { InstrumentResponse, SafetyAlert, Vitals } from './assessments'
import { apiFetch } from './client'
import type { History } from './history'
import { patientApiPath, patientKey, usePatientWrite } from './patients'

export type EligibilityOutcome = 'approve' | 'decline' | 'defer'

export interface EligibilityDecision {
  id: string
  decision: EligibilityOutcome
  reason: string
  overrideReason: string | null
  meaning: string
  contentHash: string
  signedBy: string
  signerName: string
  signedAt: string
  /** §3 pre-dose cautions the prescriber acknowledged with an approval. */
  acknowledgedCautions: string[]
}

export interface BodyMeasures {
  weightKg: number | null
  heightCm: number | null
  bmi: number | null
}

/** GET …/eligibility: everything the prescriber weighs on one screen. */
export interface EligibilityReview {
  patient: { id: string; mrn: string; name: string; dateOfBirth: string; sex: string }
  history: History
  latestScores: Record<string, InstrumentResponse>
  openAlerts: SafetyAlert[]
  latestVitals: Vitals | null
  body: BodyMeasures
  decisions: EligibilityDecision[]
}

/** Re-proof of identity at the moment of signing (design.md §6). */
export interface SignerProof {
  totpCode?: string
  password?: string
}

export function useEligibilityReview(clinicId: string, patientId: string) {
  return useQuery({
    queryKey: [...patientKey(clinicId, patientId), 'eligibility'],
    queryFn: ({ signal }) =>
      apiFetch<EligibilityReview>(`${patientApiPath(clinicId, patientId)}/eligibility`, { signal }),
  })
}

export function useSignDecision(clinicId: string, patientId: string) {
  return usePatientWrite<
    {
      decision: EligibilityOutcome
      reason: string
      overrideReason: string | null
      cautionsAcknowledged?: boolean
    } & SignerProof,
    EligibilityDecision
  >(clinicId, patientId, (body) => ({ path: '/eligibility-decisions', body }))
}
