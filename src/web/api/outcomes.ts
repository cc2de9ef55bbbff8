import { keepPreviousData, useQuery } from '@tanstack/react-query'
import type { Benchmark, Proportion, SurvivalStep } from '../../domain/outcomes'
import { apiFetch } from './client'

/** Proportion: a Wilson 95 % interval (0–1, null when total is 0); SurvivalStep: one Kaplan–Meier step. */
export type { Proportion, SurvivalStep }

// The outcome dashboard (src/server/features/outcomes): the clinic's cohort beside the literature.

export type OutcomeRoute = 'iv' | 'intranasal'
export type AgeBand = 'under-30' | '30-49' | '50-64' | '65-plus'
export type BaselineSeverity = 'moderate' | 'moderately-severe' | 'severe'
export type OutcomeTimepoint = '24h' | '1w' | 'course-end'

export interface OutcomeDashboard {
  cohort: {
    patients: number
    /** Patients by the treatment of their first dose: "all treatments" mixes the two. */
    byRoute: { iv: number; intranasal: number }
    sessions: number
    /** The clinics added up: one, or every clinic the user may read reports for. */
    clinics: { id: string; name: string; patients: number }[]
    filter: {
      allClinics: boolean
      route: OutcomeRoute | null
      protocol: string | null
      ageBand: AgeBand | null
      severity: BaselineSeverity | null
      from: string | null
      to: string | null
    }
  }
  outcomes: Record<OutcomeTimepoint, { response: Proportion; remission: Proportion }>
  relapse: {
    responders: number
    events: number
    medianDays: number | null
    medianLowerDays: number | null
    medianUpperDays: number | null
    steps: SurvivalStep[]
  } | null
  adverseEvents: { term: string; grade: number; count: number; per100Sessions: number | null }[]
  bloodPressure: { sessions: number; excursions: Proportion; meanSystolicRiseMmHg: number | null }
  noResponseAfterThree: Proportion
  chairUtilisation: {
    from: string
    to: string
    bookedHours: number
    capacityHours: number
    rate: number | null
  }
  /** The treatment the published figures are for; null when the cohort mixes treatments (none shown). */
  comparison: { treatment: 'iv-ketamine' | 'esketamine' | null }
  benchmarks: Benchmark[]
}

export interface OutcomeQuery {
  clinics?: 'this' | 'all'
  route?: OutcomeRoute
  /** A protocol id: the plan the first dose was given under. */
  protocol?: string
  ageBand?: AgeBand
  severity?: BaselineSeverity
  /** ISO instants; the page converts the chosen days in the clinic's time zone. */
  from?: string
  to?: string
}

export function useOutcomeDashboard(
  clinicId: string,
  query: OutcomeQuery,
  options: { isEnabled?: boolean } = {},
) {
  return useQuery({
    queryKey: ['clinics', clinicId, 'outcomes', query],
    queryFn: ({ signal }) =>
      apiFetch<OutcomeDashboard>(`/clinics/${encodeURIComponent(clinicId)}/outcomes`, {
        query: { ...query },
        signal,
      }),
    enabled: options.isEnabled ?? true,
    placeholderData: keepPreviousData,
    // A population summary changes slowly and costs a scan of the cohort; no refetch on focus.
    staleTime: 5 * 60_000,
    refetchOnWindowFocus: false,
  })
}

/** The counts a user can open as a list of patients (server `outcomes/patients`). */
export type OutcomeFlag =
  | 'response-24h'
  | 'response-1w'
  | 'response-course-end'
  | 'remission-24h'
  | 'remission-1w'
  | 'remission-course-end'
  | 'no-response-after-three'
  | 'relapsed'
  | 'bp-excursion'

export interface FlaggedPatients {
  flag: OutcomeFlag
  patients: { id: string; name: string; mrn: string; route: OutcomeRoute | null; firstDose: string | null }[]
}

/** This clinic's patients behind one count, with the dashboard's filter (`clinics` is not sent). */
export function useFlaggedPatients(clinicId: string, query: OutcomeQuery, flag: OutcomeFlag | null) {
  const { clinics: _, ...cohort } = query
  return useQuery({
    queryKey: ['clinics', clinicId, 'outcomes', 'patients', flag, cohort],
    queryFn: ({ signal }) =>
      apiFetch<FlaggedPatients>(`/clinics/${encodeURIComponent(clinicId)}/outcomes/patients`, {
        query: { ...cohort, flag: flag! },
        signal,
      }),
    enabled: flag !== null,
  })
}
