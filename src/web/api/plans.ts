import { useQuery } from '@tanstack/react-query'
import type { DoseLimit, DoseLimitFinding, IvDose, WeightBasis } from '../../domain/dosing'
import { apiFetch } from './client'
import type { SignerProof } from './eligibility'
import { patientApiPath, patientKey, usePatientWrite } from './patients'

/** The server's dose at the latest weight (IV protocols), or why it could not be computed. */
export type DosePreview = (IvDose & { weightKg: number; weighedAt: string }) | { unavailable: string } | null

export interface TreatmentPlan {
  id: string
  protocolId: string
  protocolName: string
  doseBasis: WeightBasis
  doseMgPerKg: number | null
  doseMg: number | null
  maxDoseMgPerKg: number | null
  doseAboveActualWeight: boolean
  /** The §2 dose limits the approval signature overrode, and why. */
  doseOverride: { limits: DoseLimit[]; reason: string } | null
  /** The clinic's titration ceiling, mg/kg of actual weight (IV plans). */
  ceilingMgPerKg: number | null
  /** For a draft: the §2 limits its approval must override with a reason. */
  limitsNeedingOverride: DoseLimitFinding[]
  plannedSessions: number
  cadence: string
  note: string | null
  status: 'draft' | 'approved' | 'superseded' | 'cancelled'
  createdAt: string
  approvedBy: string | null
  approverName: string | null
  approvedAt: string | null
  contentHash: string | null
  version: number
  dosePreview: DosePreview
}

export interface PlanInput {
  protocolId: string
  doseBasis: WeightBasis
  doseMgPerKg: number | null
  doseMg: number | null
  maxDoseMgPerKg: number | null
  doseAboveActualWeight: boolean
  plannedSessions: number
  cadence: string
  note: string | null
}

export function usePlans(clinicId: string, patientId: string) {
  return useQuery({
    queryKey: [...patientKey(clinicId, patientId), 'plans'],
    queryFn: ({ signal }) =>
      apiFetch<TreatmentPlan[]>(`${patientApiPath(clinicId, patientId)}/plans`, { signal }),
  })
}

export function useCreatePlan(clinicId: string, patientId: string) {
  return usePatientWrite<PlanInput, TreatmentPlan[]>(clinicId, patientId, (body) => ({
    path: '/plans',
    body,
  }))
}

export function useApprovePlan(clinicId: string, patientId: string) {
  return usePatientWrite<
    { planId: string; version: number; doseOverride?: { reason: string } } & SignerProof,
    TreatmentPlan[]
  >(clinicId, patientId, ({ planId, ...body }) => ({
    path: `/plans/${encodeURIComponent(planId)}/approve`,
    body,
  }))
}
