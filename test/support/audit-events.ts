import type { Selectable } from 'kysely'
import type { AuditEventTable, DatabaseHandle } from '../../src/db'

type AuditMatch = Partial<
  Pick<Selectable<AuditEventTable>, 'action' | 'outcome' | 'entity' | 'entity_id' | 'actor_email'>
>

/** The audit events whose columns equal every value in `match`, in the order they were written. */
export function auditEvents(t: { database: DatabaseHandle }, match: AuditMatch) {
  let query = t.database.db.selectFrom('audit_event').selectAll()
  for (const [column, value] of Object.entries(match)) {
    query = query.where(column as keyof AuditMatch, '=', value as string)
  }
  return query.orderBy('seq').execute()
}
