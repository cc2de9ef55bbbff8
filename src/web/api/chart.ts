import { useQuery } from '@tanstack/react-query'
import type { SafetyAlert } from './assessments'
import { apiFetch } from './client'
import type { Consent } from './consent'
import type { BodyMeasures, EligibilityDecision } from './eligibility'
import type { Patient, PatientStage } from './patients'
import { patientApiPath, patientKey } from './patients'
import type { TreatmentPlan } from './plans'

export interface ChecklistItem {
  id: string
  label: string
  isDone: boolean
  detail: string
}

/** GET …/chart: the stage and what is done and missing before the first session. */
export interface Chart {
  patient: Patient
  stage: PatientStage
  checklist: ChecklistItem[]
  openAlerts: SafetyAlert[]
  decision: EligibilityDecision | null
  consent: Consent | null
  plan: Omit<TreatmentPlan, 'protocolName' | 'dosePreview'> | null
  body: BodyMeasures
}

export function useChart(clinicId: string, patientId: string, isEnabled = true) {
  return useQuery({
    queryKey: [...patientKey(clinicId, patientId), 'chart'],
    queryFn: ({ signal }) => apiFetch<Chart>(`${patientApiPath(clinicId, patientId)}/chart`, { signal }),
    enabled: isEnabled,
  })
}
