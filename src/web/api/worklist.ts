import { useQuery } from '@tanstack/react-query'
import { apiFetch } from './client'

export type Urgency = 'urgent' | 'soon' | 'routine' | 'ok'

export interface WorklistItem {
  id: string
  kind: string
  title: string
  subject: string | null
  detail: string | null
  at: string | null
  urgency: Urgency
  /** Where it is done, relative to the clinic's pages. */
  link: string
  patientId: string | null
}

export interface WorklistSection {
  id: string
  title: string
  emptyText: string
  items: WorklistItem[]
  total: number
}

export interface Worklist {
  role: string
  date: string
  timeZone: string
  generatedAt: string
  sections: WorklistSection[]
}

export const worklistKey = (clinicId: string) => ['clinics', clinicId, 'worklist'] as const

/** The caller's worklist (server `features/worklist`); `section` asks for one section only. */
export function useWorklist(clinicId: string, options: { section?: 'safety'; isEnabled?: boolean } = {}) {
  const search = options.section ? `?section=${options.section}` : ''
  return useQuery({
    queryKey: [...worklistKey(clinicId), options.section ?? 'all'],
    queryFn: ({ signal }) =>
      apiFetch<Worklist>(`/clinics/${encodeURIComponent(clinicId)}/worklist${search}`, { signal }),
    enabled: options.isEnabled ?? true,
    // Every visit to Home or the board asks again: what was just done leaves the list at once.
    staleTime: 0,
    // A portal answer arrives without anyone here doing anything: look again every minute.
    refetchInterval: 60_000,
  })
}
