import { useQuery } from '@tanstack/react-query'
import type {
  Adherence,
  ContraindicationScreen,
  DrugClass,
  EpisodeSeverity,
  TrdAssessment,
  TrialOutcome,
} from '../../domain/eligibility'
import { apiFetch } from './client'
import { type EnteredInError, patientApiPath, patientKey, usePatientWrite } from './patients'

export interface Trial {
  id: string
  drug: string
  drugClass: DrugClass
  maxDailyDoseMg: number | null
  doseAdequate: boolean
  weeks: number
  adherence: Adherence
  outcome: TrialOutcome
  augmentation: boolean
  isCurrentEpisode: boolean
  startedOn: string | null
  note: string | null
  createdAt: string
  enteredInError: EnteredInError | null
}

export interface Ect {
  used: boolean
  bilateral: boolean
  failed: boolean
}

export interface Screening {
  contraindicationAnswers: Record<string, boolean | null>
  episodeDurationMonths: number | null
  severity: EpisodeSeverity | null
  ect: Ect
  updatedAt: string | null
  version: number
}

/** GET …/history: trials, screening answers and the server's live domain results. */
export interface History {
  trials: Trial[]
  screening: Screening
  /** Null while the episode (duration, severity) is not described. */
  trd: TrdAssessment | null
  trdMissing: string[]
  trdSettings: { minAdequateWeeks: number; minFailedTrials: number }
  /** Null until every contraindication question is answered. */
  contraindications: ContraindicationScreen | null
  unansweredContraindications: string[]
}

export interface TrialInput {
  drug: string
  drugClass: DrugClass
  maxDailyDoseMg: number | null
  doseAdequate: boolean
  weeks: number
  adherence: Adherence
  outcome: TrialOutcome
  augmentation: boolean
  isCurrentEpisode: boolean
}

export type ScreeningInput = Omit<Screening, 'updatedAt'>

export function useHistory(clinicId: string, patientId: string) {
  return useQuery({
    queryKey: [...patientKey(clinicId, patientId), 'history'],
    queryFn: ({ signal }) => apiFetch<History>(`${patientApiPath(clinicId, patientId)}/history`, { signal }),
  })
}

export function useAddTrial(clinicId: string, patientId: string) {
  return usePatientWrite<TrialInput, History>(clinicId, patientId, (body) => ({ path: '/trials', body }))
}

export function useSaveScreening(clinicId: string, patientId: string) {
  return usePatientWrite<ScreeningInput, History>(clinicId, patientId, (body) => ({
    path: '/screening',
    method: 'PUT',
    body,
  }))
}
