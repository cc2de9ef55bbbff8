import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { Wire } from '../../contract/common'
import type { catalogueSchema, settingsReplySchema } from '../../contract/settings'
import { apiFetch } from './client'
import { useApiRead } from './read'

export type ClinicSettings = Wire<typeof settingsReplySchema>

const settingsPath = (clinicId: string) => `/clinics/${encodeURIComponent(clinicId)}/settings`
const settingsKey = (clinicId: string) => ['clinics', clinicId, 'settings'] as const

export function useClinicSettings(clinicId: string) {
  return useApiRead<ClinicSettings>(settingsKey(clinicId), settingsPath(clinicId))
}

/** Saves the changed settings (nested by group) against the version read; a stale one is a 409. */
export function useSaveClinicSettings(clinicId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: { version: number } & Record<string, unknown>) =>
      apiFetch<ClinicSettings>(settingsPath(clinicId), { method: 'PUT', body }),
    onSuccess: (saved) => queryClient.setQueryData(settingsKey(clinicId), saved),
  })
}

/** The rule catalogue with the clinic's values; any member may read it. */
export function useRuleCatalogue(clinicId: string) {
  return useQuery({
    queryKey: ['clinics', clinicId, 'rules'] as const,
    queryFn: ({ signal }) =>
      apiFetch<Wire<typeof catalogueSchema>>(`/clinics/${encodeURIComponent(clinicId)}/rules`, { signal }),
    staleTime: 60_000,
  })
}

/** The clinic's current value of one setting, from the catalogue; undefined while it loads. */
export function useClinicSetting(clinicId: string, field: string): number | boolean | undefined {
  const rules = useRuleCatalogue(clinicId).data?.rules
  return rules?.flatMap((r) => r.parameters).find((p) => p.field === field)?.currentValue
}
