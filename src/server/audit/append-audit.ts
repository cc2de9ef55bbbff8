import { sql } from 'kysely'
import type { AuditOutcome } from '../../db'
import { type CanonicalValue, chainHash, GENESIS_HASH } from '../../domain/ledger/hash-chain'
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

/** The content a link's hash covers; `ketacare audit verify` rebuilds exactly this from a row. */
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
 * Appends one event to its clinic's chain inside the caller's transaction, so the event and the
 * change it describes commit or roll back together. An advisory lock per chain keeps concurrent
 * writers from forking it.
 */
export async function appendAudit(tx: Tx, input: AuditInput, at: Date): Promise<void> {
  const chainKey = input.clinicId ?? 'installation'
  await sql`SELECT pg_advisory_xact_lock(hashtextextended(${`audit:${chainKey}`}, 0))`.execute(tx)
  const last = await tx
    .selectFrom('audit_event')
    .select('hash')
    .where((eb) => (input.clinicId ? eb('clinic_id', '=', input.clinicId) : eb('clinic_id', 'is', null)))
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst()
  const prevHash = last?.hash ?? GENESIS_HASH
  // Round to the millisecond so the stored timestamptz reads back to the same ISO text.
  const row = {
    id: uuidv7(at.getTime()),
    at: new Date(Math.floor(at.getTime())),
    clinic_id: input.clinicId,
    actor_user_id: input.actorUserId,
    actor_email: input.actorEmail,
    action: input.action,
    entity: input.entity,
    entity_id: input.entityId ?? null,
    outcome: input.outcome,
    ip: input.ip ?? null,
    detail: input.detail ?? null,
  }
  const hash = chainHash(prevHash, auditContent(row))
  await tx
    .insertInto('audit_event')
    .values({ ...row, detail: row.detail ? JSON.stringify(row.detail) : null, prev_hash: prevHash, hash })
    .execute()
}
