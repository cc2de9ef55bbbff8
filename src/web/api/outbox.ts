import type { Wire } from '../../contract/common'
import type { outboxMessageSchema, outboxStatusSchema } from '../../contract/outbox'
import type { Page } from './page'
import { useApiSearch } from './read'

export type OutboxStatus = Wire<typeof outboxStatusSchema>
export type OutboxMessage = Wire<typeof outboxMessageSchema>

export function useOutbox(
  clinicId: string,
  query: { page: number; pageSize: number; status?: OutboxStatus },
) {
  return useApiSearch<Page<OutboxMessage>>(
    ['clinics', clinicId, 'outbox'],
    `/clinics/${encodeURIComponent(clinicId)}/outbox`,
    { ...query },
    { refetchInterval: 15_000 },
  )
}
