import { useQuery } from '@tanstack/react-query'
import type { Wire } from '../../contract/common'
import type * as contract from '../../contract/outcomes'
import { apiFetch } from './client'
import { useApiSearch } from './read'

// The outcome dashboard (src/server/features/outcomes): the clinic's cohort beside the literature.
export type OutcomeRoute = Wire<typeof contract.outcomeRouteSchema>
export type AgeBand = Wire<typeof contract.ageBandSchema>
export type BaselineSeverity = Wire<typeof contract.baselineSeveritySchema>

/**
 * Proportions are Wilson 95 % intervals (0–1, null when total is 0); the relapse steps are
 * Kaplan–Meier steps; `comparison.treatment` is null when the cohort mixes treatments.
 */
export type OutcomeDashboard = Wire<typeof contract.outcomeDashboardSchema>
export type Proportion = OutcomeDashboard['noResponseAfterThree']
export type SurvivalStep = NonNullable<OutcomeDashboard['relapse']>['steps'][number]
export type OutcomeTimepoint = keyof OutcomeDashboard['outcomes']

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
  return useApiSearch<OutcomeDashboard>(
    ['clinics', clinicId, 'outcomes'],
    `/clinics/${encodeURIComponent(clinicId)}/outcomes`,
    { ...query },
    {
      enabled: options.isEnabled ?? true,
      // A population summary changes slowly and costs a scan of the cohort; no refetch on focus.
      staleTime: 5 * 60_000,
      refetchOnWindowFocus: false,
    },
  )
}

/** The counts a user can open as a list of patients (server `outcomes/patients`). */
export type OutcomeFlag = Wire<typeof contract.flaggedPatientsSchema>['flag']
export type FlaggedPatients = Wire<typeof contract.flaggedPatientsSchema>

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
