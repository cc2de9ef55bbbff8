import { useQuery } from '@tanstack/react-query'
import type { DevicePlan, DoseLimit, DoseLimitFinding, IvDose, WeightBasis } from '../../domain/dosing'
import { apiFetch } from './client'
import type { SignerProof } from './eligibility'
import { patientApiPath, patientKey, usePatientWrite } from './patients'

/** An IV plan's dose at the patient's latest weight (§2). */
export type IvDosePreview = IvDose & { kind: 'iv'; weightKg: number; weighedAt: string }
/** An esketamine plan's dose as the 28 mg devices it takes, used 5 minutes apart (§3). */
export type EsketamineDevicePreview = DevicePlan & {
  kind: 'esketamine'
  deviceMg: number
  minutesBetweenDevices: number
}

interface PlanCommon {
  id: string
  protocolId: string
  protocolName: string
  /** The §2 dose limits the approval signature overrode, and why. */
  doseOverride: { limits: DoseLimit[]; reason: string } | null
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
}

/** An IV plan: a dose per kg on a weight basis, with a titration limit (§2). */
export interface IvPlan extends PlanCommon {
  route: 'iv-infusion'
  doseBasis: WeightBasis
  doseMgPerKg: number
  doseMg: null
  maxDoseMgPerKg: number | null
  doseAboveActualWeight: boolean
  /** The clinic's titration ceiling, mg/kg of actual weight. */
  ceilingMgPerKg: number
  /** Null until a weight is recorded; `unavailable` says why the dose could not be computed. */
  dosePreview: IvDosePreview | { kind: 'unavailable'; reason: string } | null
}

/**
 * An esketamine plan: a fixed dose in 28 mg devices (§3). The weight basis is stored but unused;
 * mg/kg and the titration limit do not apply.
 */
export interface EsketaminePlan extends PlanCommon {
  route: 'intranasal'
  doseBasis: WeightBasis
  doseMgPerKg: null
  doseMg: number
  maxDoseMgPerKg: null
  doseAboveActualWeight: false
  ceilingMgPerKg: null
  dosePreview: EsketamineDevicePreview | null
}

export type TreatmentPlan = IvPlan | EsketaminePlan

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
