import type { Kysely, Selectable } from 'kysely'
import type { AuditEventTable, Database } from '../../db'
import { type ChainVerdict, verifyChain } from '../../domain/ledger/hash-chain'
import { auditContent } from './append-audit'

export interface ChainReport {
  chain: string
  verdict: ChainVerdict
}

/**
 * Recomputes every audit chain (one per clinic plus the installation's) from the stored rows.
 * Runs as the database owner, outside any clinic, so it sees every row.
 */
export async function verifyAuditChains(db: Kysely<Database>): Promise<ChainReport[]> {
  const chains = await db.selectFrom('audit_event').select('clinic_id').distinct().execute()
  const reports: ChainReport[] = []
  for (const { clinic_id: clinicId } of chains) {
    const rows = await db
      .selectFrom('audit_event')
      .selectAll()
      .where((eb) => (clinicId ? eb('clinic_id', '=', clinicId) : eb('clinic_id', 'is', null)))
      .orderBy('seq')
      .execute()
    reports.push({ chain: clinicId ?? 'installation', verdict: verifyAuditRows(rows) })
  }
  return reports
}

/** One chain's stored rows, in `seq` order, checked link by link. */
export function verifyAuditRows(rows: readonly Selectable<AuditEventTable>[]): ChainVerdict {
  return verifyChain(
    rows.map((r) => ({
      id: `${r.id} (#${r.seq})`,
      prevHash: r.prev_hash,
      hash: r.hash,
      content: auditContent(r),
    })),
  )
}
