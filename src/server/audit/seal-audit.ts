import { type Kysely, sql } from 'kysely'
import type { Database } from '../../db'
import { chainHash, GENESIS_HASH } from '../../domain/ledger/hash-chain'
import type { AppContext } from '../context'
import { auditContent } from './append-audit'
import { inChain } from './verify-audit'

/** Events sealed per transaction: a backlog is sealed in several short transactions. */
const batchSize = 500

/**
 * Links every committed, unsealed audit event into its chain; returns how many it sealed.
 *
 * Request transactions append events unsealed (append-audit.ts); their `seq` is insertion order,
 * and concurrent transactions commit in another order. A chain's sealer holds the chain's lock,
 * reads the chain's head and the unsealed events its snapshot can see — exactly those whose
 * transactions have committed — in `seq` order, and writes each one's place (`chain_seq`),
 * `prev_hash` and `hash`. An event whose transaction commits later is sealed by a later run, after
 * the events already sealed: the chain follows the order events became visible, and `chain_seq`
 * records it, so `ketacare audit verify` walks the same order every time. Runs as the owner.
 */
export async function sealAuditChains(db: Kysely<Database>): Promise<number> {
  const chains = await db
    .selectFrom('audit_event')
    .select('clinic_id')
    .distinct()
    .where('hash', 'is', null)
    .execute()
  let sealed = 0
  for (const { clinic_id: clinicId } of chains) {
    for (;;) {
      const count = await sealBatch(db, clinicId)
      sealed += count
      if (count < batchSize) break
    }
  }
  return sealed
}

async function sealBatch(db: Kysely<Database>, clinicId: string | null): Promise<number> {
  return db.transaction().execute(async (tx) => {
    // One sealer per chain at a time (across server processes too); requests never take it.
    await sql`SELECT pg_advisory_xact_lock(hashtextextended(${`audit:${clinicId ?? 'installation'}`}, 0))`.execute(
      tx,
    )
    const head = await tx
      .selectFrom('audit_event')
      .select(['hash', 'chain_seq'])
      .where(inChain(clinicId))
      .where('chain_seq', 'is not', null)
      .orderBy('chain_seq', 'desc')
      .limit(1)
      .executeTakeFirst()
    const rows = await tx
      .selectFrom('audit_event')
      .selectAll()
      .where(inChain(clinicId))
      .where('hash', 'is', null)
      .orderBy('seq')
      .limit(batchSize)
      .execute()
    if (rows.length === 0) return 0
    let prevHash = head?.hash ?? GENESIS_HASH
    let place = BigInt(head?.chain_seq ?? 0)
    const seals = rows.map((row) => {
      place += 1n
      const hash = chainHash(prevHash, auditContent(row))
      const seal = sql`(${row.id}::uuid, ${prevHash}, ${hash}, ${place.toString()}::bigint)`
      prevHash = hash
      return seal
    })
    await sql`
      UPDATE audit_event AS a SET prev_hash = s.prev_hash, hash = s.hash, chain_seq = s.chain_seq
      FROM (VALUES ${sql.join(seals)}) AS s(id, prev_hash, hash, chain_seq)
      WHERE a.id = s.id`.execute(tx)
    return rows.length
  })
}

/** How often the server seals: the window in which an unsealed event has no link to betray its removal. */
const sealIntervalMs = 500

/**
 * The server's sealer: seals every `sealIntervalMs`, never two passes at once in this process.
 * Its stop function waits for a pass under way and seals once more, so a server stopped cleanly
 * leaves nothing unsealed.
 */
export function startAuditSealer(ctx: AppContext, onError: (error: unknown) => void): () => Promise<void> {
  let running: Promise<unknown> | null = null
  const pass = () => {
    running ??= sealAuditChains(ctx.db)
      .catch(onError)
      .finally(() => {
        running = null
      })
    return running
  }
  const timer = setInterval(pass, sealIntervalMs)
  timer.unref()
  return async () => {
    clearInterval(timer)
    await running
    await pass()
  }
}
