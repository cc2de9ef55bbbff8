import type { Generated, JSONColumnType } from 'kysely'

export type AuditOutcome = 'success' | 'denied' | 'failure'

export interface AuditEventTable {
  id: string
  /** Insertion order; the hash chain of a clinic follows it. */
  seq: Generated<string>
  at: Date
  actor_user_id: string | null
  actor_email: string | null
  /** Null for events outside any clinic (e.g. a failed sign-in): the installation's own chain. */
  clinic_id: string | null
  action: string
  entity: string
  entity_id: string | null
  outcome: AuditOutcome
  ip: string | null
  detail: JSONColumnType<Record<string, unknown> | null, string | null, string | null>
  prev_hash: string
  hash: string
}
export const tableName = 'audit_event'
export type PartialDB = { [tableName]: AuditEventTable }
