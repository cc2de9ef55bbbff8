import { useQuery } from '@tanstack/react-query'
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
