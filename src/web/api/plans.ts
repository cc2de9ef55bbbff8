import type { Wire } from '../../contract/common'
import type { approvePlanBody, createPlanBody, planSchema } from '../../contract/plans'
import { usePatientRead, usePatientWrite } from './patients'

type PlanWire = Wire<typeof planSchema>
type DosePreview = NonNullable<PlanWire['dosePreview']>
/** An IV plan's dose at the patient's latest weight (§2). */
/** An esketamine plan's dose as the 28 mg devices it takes, used 5 minutes apart (§3). */
export type EsketamineDevicePreview = Extract<DosePreview, { kind: 'esketamine' }>

// The server sends one flat plan; which fields apply depends on the route (plans/service.ts), and
// the screens read them narrowed by route.

/** An IV plan: a dose per kg on a weight basis, with a titration limit (§2). */
export type IvPlan = PlanWire & {
  route: 'iv-infusion'
  doseMgPerKg: number
  doseMg: null
  ceilingMgPerKg: number
  /** Null until a weight is recorded; `unavailable` says why the dose could not be computed. */
  dosePreview: Exclude<DosePreview, EsketamineDevicePreview> | null
}

/**
 * An esketamine plan: a fixed dose in 28 mg devices (§3). The weight basis is stored but unused;
 * mg/kg and the titration limit do not apply.
 */
export type EsketaminePlan = PlanWire & {
  route: 'intranasal'
  doseMgPerKg: null
  doseMg: number
  maxDoseMgPerKg: null
  doseAboveActualWeight: false
  ceilingMgPerKg: null
  dosePreview: EsketamineDevicePreview | null
}

export type TreatmentPlan = IvPlan | EsketaminePlan

export type PlanInput = Wire<typeof createPlanBody>

export function usePlans(clinicId: string, patientId: string) {
  return usePatientRead<TreatmentPlan[]>(clinicId, patientId, 'plans')
}

export function useCreatePlan(clinicId: string, patientId: string) {
  return usePatientWrite<PlanInput, TreatmentPlan[]>(clinicId, patientId, (body) => ({
    path: '/plans',
    body,
  }))
}

export function useApprovePlan(clinicId: string, patientId: string) {
  return usePatientWrite<{ planId: string } & Wire<typeof approvePlanBody>, TreatmentPlan[]>(
    clinicId,
    patientId,
    ({ planId, ...body }) => ({
      path: `/plans/${encodeURIComponent(planId)}/approve`,
      body,
    }),
  )
}
