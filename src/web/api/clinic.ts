import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { clinicDetailsSchema, clinicPhoneBody, clinicSummarySchema } from '../../contract/clinics'
import type { Wire } from '../../contract/common'
import { apiFetch } from './client'
import { useApiRead } from './read'

export type ClinicSummary = Wire<typeof clinicSummarySchema>

export function useClinicSummary(clinicId: string) {
  return useApiRead<ClinicSummary>(
    ['clinics', clinicId, 'summary'],
    `/clinics/${encodeURIComponent(clinicId)}/summary`,
  )
}

/** The number patients are told to call (portal crisis screen, discharge sheet); null if not set. */
export type ClinicDetails = Wire<typeof clinicDetailsSchema>

const detailsPath = (clinicId: string) => `/clinics/${encodeURIComponent(clinicId)}/details`

export function useClinicDetails(clinicId: string) {
  return useApiRead<ClinicDetails>(['clinics', clinicId, 'details'], detailsPath(clinicId))
}

/** The administrator saves the clinic's phone; the clinic row's version guards it (a stale one is a 409). */
export function useSaveClinicPhone(clinicId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: Wire<typeof clinicPhoneBody>) =>
      apiFetch<ClinicDetails>(detailsPath(clinicId), { method: 'PUT', body }),
    onSuccess: (saved) => {
      queryClient.setQueryData(['clinics', clinicId, 'details'], saved)
      // The clinic settings share the row's version.
      void queryClient.invalidateQueries({ queryKey: ['clinics', clinicId, 'settings'] })
    },
  })
}
