import type { Generated, JSONColumnType } from 'kysely'

export type AuditOutcome = 'success' | 'denied' | 'failure'

export interface AuditEventTable {
  id: string
  /** Insertion order (not commit order: concurrent transactions commit in another order). */
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
  /**
   * The seal, written by the background sealer (src/server/audit/seal-audit.ts) once the event's
   * transaction has committed; all three are null until then. `chain_seq` is the event's place in
   * its chain (events sealed before migration 024 have their `seq`).
   */
  prev_hash: string | null
  hash: string | null
  chain_seq: string | null
}
export const tableName = 'audit_event'
export type PartialDB = { [tableName]: AuditEventTable }
