import type { AuditOutcome } from '../../db'
import type { CanonicalValue } from '../../domain/ledger/hash-chain'
import type { Tx } from '../context'
import { uuidv7 } from '../ids'

export interface AuditInput {
  clinicId: string | null
  actorUserId: string | null
  actorEmail: string | null
  action: string
  entity: string
  entityId?: string | null
  outcome: AuditOutcome
  ip?: string | null
  detail?: Record<string, CanonicalValue> | null
}

/** The content a link's hash covers: the sealer and `ketacare audit verify` build exactly this from a row. */
export function auditContent(row: {
  id: string
  at: Date
  clinic_id: string | null
  actor_user_id: string | null
  actor_email: string | null
  action: string
  entity: string
  entity_id: string | null
  outcome: string
  ip: string | null
  detail: Record<string, unknown> | null
}): CanonicalValue {
  return {
    id: row.id,
    at: row.at.toISOString(),
    clinicId: row.clinic_id,
    actorUserId: row.actor_user_id,
    actorEmail: row.actor_email,
    action: row.action,
    entity: row.entity,
    entityId: row.entity_id,
    outcome: row.outcome,
    ip: row.ip,
    detail: (row.detail ?? null) as CanonicalValue,
  }
}

/**
 * Appends one event, unsealed, inside the caller's transaction, so the event and the change it
 * describes commit or roll back together. No chain lock and no read of the chain's head: concurrent
 * requests of a clinic do not queue here. The background sealer (seal-audit.ts) links the event
 * into its clinic's chain once its transaction has committed.
 */
export async function appendAudit(tx: Tx, input: AuditInput, at: Date): Promise<void> {
  await tx
    .insertInto('audit_event')
    .values({
      id: uuidv7(at.getTime()),
      // Round to the millisecond so the stored timestamptz reads back to the same ISO text.
      at: new Date(Math.floor(at.getTime())),
      clinic_id: input.clinicId,
      actor_user_id: input.actorUserId,
      actor_email: input.actorEmail,
      action: input.action,
      entity: input.entity,
      entity_id: input.entityId ?? null,
      outcome: input.outcome,
      ip: input.ip ?? null,
      detail: input.detail ? JSON.stringify(input.detail) : null,
    })
    .execute()
}
