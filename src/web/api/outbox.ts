import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { apiFetch } from './client'
import type { Page } from './page'

export type OutboxStatus = 'queued' | 'sending' | 'sent' | 'held' | 'failed'

export interface OutboxMessage {
  id: string
  kind: string
  recipient: string
  subject: string
  body: string
  status: OutboxStatus
  attempts: number
  nextAttemptAt: string
  lastError: string | null
  createdAt: string
  sentAt: string | null
}

export function useOutbox(
  clinicId: string,
  query: { page: number; pageSize: number; status?: OutboxStatus },
) {
  return useQuery({
    queryKey: ['clinics', clinicId, 'outbox', query],
    queryFn: ({ signal }) =>
      apiFetch<Page<OutboxMessage>>(`/clinics/${encodeURIComponent(clinicId)}/outbox`, {
        query: { ...query },
        signal,
      }),
    placeholderData: keepPreviousData,
    refetchInterval: 15_000,
  })
}
