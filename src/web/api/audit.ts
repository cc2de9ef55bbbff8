import type { auditEventSchema, auditOutcomeSchema } from '../../contract/audit-log'
import type { Wire } from '../../contract/common'
import type { Page } from './page'
import { useApiSearch } from './read'

export type AuditOutcome = Wire<typeof auditOutcomeSchema>

/** One audit event; `detail` is the structured context the server recorded (reason, changed fields …). */
export type AuditEvent = Wire<typeof auditEventSchema>

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
  return useApiSearch<Page<AuditEvent>>(
    ['clinics', clinicId, 'audit-events'],
    `/clinics/${encodeURIComponent(clinicId)}/audit-events`,
    { ...query },
  )
}
