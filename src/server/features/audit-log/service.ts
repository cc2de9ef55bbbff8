import type { z } from 'zod'
import type { auditEventSchema } from '../../../contract/audit-log'
import { clinicService } from '../../clinic-scope'
import { type PageRequest, pageReply, pageWindow, selectPage } from '../clinics/paging'

export interface AuditFilter extends PageRequest {
  actor?: string | undefined
  action?: string | undefined
  entity?: string | undefined
  from?: Date | undefined
  to?: Date | undefined
}

type AuditEvent = z.output<typeof auditEventSchema>

const like = (text: string) => `%${text.replace(/[%_\\]/g, (c) => `\\${c}`)}%`

/** A clinic's audit trail, newest first; reading it is itself audited. */
export const listAuditEvents = clinicService(
  { permission: 'audit:read', action: 'audit.list', entity: 'audit_event' },
  async (scope, filter: AuditFilter) => {
    // No clinic filter here on purpose: row-level security returns this clinic's chain plus the
    // sign-in events of its own members (see the audit_event_read policy).
    let query = scope.tx.selectFrom('audit_event')
    if (filter.actor) query = query.where('actor_email', 'ilike', like(filter.actor))
    if (filter.action) query = query.where('action', 'ilike', like(filter.action))
    if (filter.entity) query = query.where('entity', 'ilike', like(filter.entity))
    if (filter.from) query = query.where('at', '>=', filter.from)
    if (filter.to) query = query.where('at', '<=', filter.to)
    const { rows, total } = await selectPage(query, pageWindow(filter), (query) =>
      query
        .select(['id', 'at', 'actor_email', 'action', 'entity', 'entity_id', 'outcome', 'ip', 'detail'])
        .orderBy('seq', 'desc'),
    )
    await scope.audit({
      action: 'audit.list',
      entity: 'audit_event',
      detail: { page: filter.page, count: rows.length },
    })
    return pageReply(
      rows.map((r) => ({
        id: r.id,
        at: r.at,
        actorEmail: r.actor_email,
        action: r.action,
        entity: r.entity,
        entityId: r.entity_id,
        outcome: r.outcome,
        ip: r.ip,
        // jsonb: what PostgreSQL hands back is JSON by construction.
        detail: r.detail as AuditEvent['detail'],
      })),
      total,
      filter,
    )
  },
)
