import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { Wire } from '../../contract/common'
import type {
  fhirClientListSchema,
  fhirClientSchema,
  registerFhirClientBody,
} from '../../contract/fhir-clients'
import { apiFetch } from './client'

// The clinic's SMART backend clients of the FHIR API (issue 17): the administrator's list, register, revoke.

export type FhirClient = Wire<typeof fhirClientSchema>
type FhirClientList = Wire<typeof fhirClientListSchema>
export type RegisterFhirClient = Wire<typeof registerFhirClientBody>

const path = (clinicId: string) => `/clinics/${encodeURIComponent(clinicId)}/fhir-clients`
const key = (clinicId: string) => ['clinics', clinicId, 'fhir-clients'] as const

export function useFhirClients(clinicId: string) {
  return useQuery({ queryKey: key(clinicId), queryFn: () => apiFetch<FhirClientList>(path(clinicId)) })
}

export function useRegisterFhirClient(clinicId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: RegisterFhirClient) => apiFetch<FhirClient>(path(clinicId), { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: key(clinicId) }),
  })
}

export function useRevokeFhirClient(clinicId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (clientId: string) =>
      apiFetch<FhirClient>(`${path(clinicId)}/${encodeURIComponent(clientId)}/revoke`, {
        method: 'POST',
        body: {},
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: key(clinicId) }),
  })
}
