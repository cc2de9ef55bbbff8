import type { Kysely, Selectable } from 'kysely'
import type { CsEntryTable, Database } from '../../../db'
import { type LedgerVerdict, settlesDispense, verifyLedger } from '../../../domain/ledger'
import { entryContent } from './append-entry'
import { ledgerOperation } from './scope'

export type LedgerChainVerdict =
  | LedgerVerdict
  | { ok: false; checked: number; brokenAt: string; reason: 'missing-entry'; detail: string }

export interface LedgerChainReport {
  clinicId: string
  clinicName: string
  verdict: LedgerChainVerdict
}

/**
 * Recomputes each clinic's ledger chain from the stored rows (hashes, then a balance replay), then
 * checks that every ledger entry the audit trail recorded is still there — which also catches
 * entries cut from the end of the chain, where no later link would notice. Runs as the database
 * owner for the CLI (every clinic), or inside a clinic's transaction for its own chain.
 */
export async function verifyLedgerChains(
  db: Kysely<Database>,
  onlyClinicId?: string,
): Promise<LedgerChainReport[]> {
  let clinicsQuery = db.selectFrom('clinic').select(['id', 'name']).orderBy('name')
  if (onlyClinicId) clinicsQuery = clinicsQuery.where('id', '=', onlyClinicId)
  const clinics = await clinicsQuery.execute()
  const reports: LedgerChainReport[] = []
  for (const clinic of clinics) {
    const rows = await db
      .selectFrom('cs_entry')
      .selectAll()
      .where('clinic_id', '=', clinic.id)
      .orderBy('seq')
      .execute()
    const audited = await db
      .selectFrom('audit_event')
      .select(['entity_id', 'seq'])
      .where('clinic_id', '=', clinic.id)
      .where('entity', '=', 'cs_entry')
      .where('outcome', '=', 'success')
      .where('entity_id', 'is not', null)
      .orderBy('seq')
      .execute()
    if (rows.length === 0 && audited.length === 0) continue
    let verdict: LedgerChainVerdict = verifyLedgerRows(rows)
    if (verdict.ok) {
      const present = new Set(rows.map((r) => r.id))
      const missing = audited.find((a) => !present.has(a.entity_id!))
      if (missing)
        verdict = {
          ok: false,
          checked: verdict.checked,
          brokenAt: missing.entity_id!,
          reason: 'missing-entry',
          detail: `entry ${missing.entity_id} is recorded in the audit trail (event #${missing.seq}) but is missing from the ledger`,
        }
    }
    reports.push({ clinicId: clinic.id, clinicName: clinic.name, verdict })
  }
  return reports
}

/** One clinic's stored ledger rows, in `seq` order: the hash chain, then a balance replay. */
export function verifyLedgerRows(rows: readonly Selectable<CsEntryTable>[]): LedgerVerdict {
  return verifyLedger(
    rows.map((r) => ({
      id: `${r.id} (#${r.seq}, ${r.kind})`,
      prevHash: r.prev_hash,
      hash: r.hash,
      content: entryContent(r),
      lotId: r.lot_id,
      kind: r.kind,
      quantity: r.quantity,
      change: r.change,
      balanceAfter: r.balance_after,
      settles: settlesDispense(r.kind, r.detail),
    })),
  )
}

/** One clinic's verdict, for its auditors in the app (the CLI checks every clinic). */
export const verifyClinicLedger = ledgerOperation(
  { permission: 'ledger:read', action: 'ledger.verify' },
  async (scope) => {
    const [report] = await verifyLedgerChains(scope.tx, scope.clinicId)
    const v = report?.verdict
    await scope.audit({ action: 'ledger.verify', entity: 'cs_entry', detail: { ok: v?.ok ?? true } })
    if (!v || v.ok) return { ok: true, checked: v?.checked ?? 0, brokenAt: null, reason: null, detail: null }
    return { ok: false, checked: v.checked, brokenAt: v.brokenAt, reason: v.reason, detail: v.detail }
  },
)
