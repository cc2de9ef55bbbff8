import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { apiFetch } from './client'

export interface ClinicSummary {
  clinicName: string
  timeZone: string
  counts: { users: number; auditEvents: number }
}

export function useClinicSummary(clinicId: string) {
  return useQuery({
    queryKey: ['clinics', clinicId, 'summary'],
    queryFn: ({ signal }) =>
      apiFetch<ClinicSummary>(`/clinics/${encodeURIComponent(clinicId)}/summary`, { signal }),
  })
}

export interface ClinicDetails {
  name: string
  /** The number patients are told to call (portal crisis screen, discharge sheet); null if not set. */
  phone: string | null
  version: number
}

const detailsPath = (clinicId: string) => `/clinics/${encodeURIComponent(clinicId)}/details`

export function useClinicDetails(clinicId: string) {
  return useQuery({
    queryKey: ['clinics', clinicId, 'details'],
    queryFn: ({ signal }) => apiFetch<ClinicDetails>(detailsPath(clinicId), { signal }),
  })
}

/** The administrator saves the clinic's phone; the clinic row's version guards it (a stale one is a 409). */
export function useSaveClinicPhone(clinicId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: { phone: string; version: number }) =>
      apiFetch<ClinicDetails>(detailsPath(clinicId), { method: 'PUT', body }),
    onSuccess: (saved) => {
      queryClient.setQueryData(['clinics', clinicId, 'details'], saved)
      // The clinic settings share the row's version.
      void queryClient.invalidateQueries({ queryKey: ['clinics', clinicId, 'settings'] })
    },
  })
}
