import { keepPreviousData, useQuery } from '@tanstack/react-query'
import type { Wire } from '../../contract/common'
import type { outboxMessageSchema, outboxStatusSchema } from '../../contract/outbox'
import { apiFetch } from './client'
import type { Page } from './page'

export type OutboxStatus = Wire<typeof outboxStatusSchema>
export type OutboxMessage = Wire<typeof outboxMessageSchema>

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
