import { useQuery } from '@tanstack/react-query'
import type { Wire } from '../../contract/common'
import type * as contract from '../../contract/worklist'
import { apiFetch } from './client'

export type Urgency = Wire<typeof contract.urgencySchema>
/** One thing to do; `link` is where it is done, relative to the clinic's pages. */
export type WorklistItem = Wire<typeof contract.worklistItemSchema>
export type WorklistSection = Wire<typeof contract.worklistSectionSchema>
export type Worklist = Wire<typeof contract.worklistSchema>

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
