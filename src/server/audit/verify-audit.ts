import type { ExpressionBuilder, Kysely, Selectable } from 'kysely'
import type { AuditEventTable, Database } from '../../db'
import { type ChainVerdict, verifyChain } from '../../domain/ledger/hash-chain'
import { auditContent } from './append-audit'

export interface ChainReport {
  chain: string
  verdict: ChainVerdict
  /** Events appended but not yet sealed into the chain (their transaction committed after the last seal). */
  pending: number
}

/** The rows of one chain: a clinic's, or the installation's (clinic_id null). */
export const inChain = (clinicId: string | null) => (eb: ExpressionBuilder<Database, 'audit_event'>) =>
  clinicId ? eb('clinic_id', '=', clinicId) : eb('clinic_id', 'is', null)

/**
 * Recomputes every audit chain (one per clinic plus the installation's) from the stored rows.
 * Runs as the database owner, outside any clinic, so it sees every row.
 */
export async function verifyAuditChains(db: Kysely<Database>): Promise<ChainReport[]> {
  const chains = await db.selectFrom('audit_event').select('clinic_id').distinct().execute()
  const reports: ChainReport[] = []
  for (const { clinic_id: clinicId } of chains)
    reports.push({ chain: clinicId ?? 'installation', ...(await verifyAuditChain(db, clinicId)) })
  return reports
}

/**
 * One chain's sealed events checked link by link in their chain order, and the count of events not
 * yet sealed. `db` may be a clinic's row-level-secured transaction (its own chain).
 */
export async function verifyAuditChain(
  db: Kysely<Database>,
  clinicId: string | null,
): Promise<{ verdict: ChainVerdict; pending: number }> {
  const rows = await db
    .selectFrom('audit_event')
    .selectAll()
    .where(inChain(clinicId))
    .where('chain_seq', 'is not', null)
    .orderBy('chain_seq')
    .execute()
  const { pending } = await db
    .selectFrom('audit_event')
    .select((eb) => eb.fn.countAll<string>().as('pending'))
    .where(inChain(clinicId))
    .where('hash', 'is', null)
    .executeTakeFirstOrThrow()
  return { verdict: verifyAuditRows(rows), pending: Number(pending) }
}

/** One chain's sealed rows, in chain order, checked link by link. */
export function verifyAuditRows(rows: readonly Selectable<AuditEventTable>[]): ChainVerdict {
  return verifyChain(
    rows.map((r) => ({
      id: `${r.id} (#${r.seq})`,
      prevHash: r.prev_hash ?? '',
      hash: r.hash ?? '',
      content: auditContent(r),
    })),
  )
}
