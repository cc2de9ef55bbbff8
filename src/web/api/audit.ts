import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { apiFetch } from './client'
import type { Page } from './page'

export type AuditOutcome = 'success' | 'denied' | 'failure'

export interface AuditEvent {
  id: string
  at: string
  actorEmail: string | null
  action: string
  entity: string
  entityId: string | null
  outcome: AuditOutcome
  ip: string | null
  /** Structured context of the event (reason, changed fields …), as the server recorded it. */
  detail: Record<string, unknown> | null
}

export interface AuditQuery {
  page: number
  pageSize: number
  actor?: string
  action?: string
  entity?: string
  /** ISO instants; the page converts the chosen days in the clinic's time zone. */
  from?: string
  to?: string
}

export function useAuditEvents(clinicId: string, query: AuditQuery) {
  return useQuery({
    queryKey: ['clinics', clinicId, 'audit-events', query],
    queryFn: ({ signal }) =>
      apiFetch<Page<AuditEvent>>(`/clinics/${encodeURIComponent(clinicId)}/audit-events`, {
        query: { ...query },
        signal,
      }),
    placeholderData: keepPreviousData,
  })
}
