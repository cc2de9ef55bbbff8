import { verifyAuditChain } from '../../audit/verify-audit'
import type { ClinicScope } from '../../clinic-scope'
import { verifyLedgerChains } from '../ledger/verify-chains'
import { clinicItem, formatDay, type WorklistItem } from './items'

// The auditor's sections: what the ledger still owes, and whether the chains hold right now.

export async function loadLedger(scope: ClinicScope): Promise<WorklistItem[]> {
  const [discrepancies, losses] = await Promise.all([
    scope.tx
      .selectFrom('cs_discrepancy as d')
      .innerJoin('cs_lot as l', 'l.id', 'd.lot_id')
      .select(['d.id', 'd.opened_at', 'd.difference', 'l.lot_number', 'l.drug'])
      .where('d.clinic_id', '=', scope.clinicId)
      .where('d.status', '=', 'open')
      .execute(),
    scope.tx
      .selectFrom('cs_loss_report as r')
      .innerJoin('cs_lot as l', 'l.id', 'r.lot_id')
      .select([
        'r.id',
        'r.kind',
        'r.quantity',
        'r.dea_notice_due_on',
        'r.form_106_due_on',
        'r.notice_sent_at',
        'l.lot_number',
        'l.drug',
      ])
      .where('r.clinic_id', '=', scope.clinicId)
      .where((eb) => eb.or([eb('r.notice_sent_at', 'is', null), eb('r.form_106_filed_at', 'is', null)]))
      .execute(),
  ])
  const items = discrepancies.map((d) =>
    clinicItem({
      id: `discrepancy:${d.id}`,
      kind: 'discrepancy',
      title: `Count discrepancy open: ${Number(d.difference) > 0 ? '+' : ''}${Number(d.difference)} mg`,
      subject: `${d.drug} lot ${d.lot_number}`,
      detail: 'Resolved only by a recount, an adjustment or a loss report.',
      at: d.opened_at,
      urgency: 'urgent',
      link: 'ledger?tab=discrepancies',
    }),
  )
  for (const r of losses) {
    const isNoticeDue = r.notice_sent_at === null
    const due = isNoticeDue ? r.dea_notice_due_on : r.form_106_due_on
    items.push(
      clinicItem({
        id: `loss-report:${r.id}`,
        kind: 'loss-report',
        // A due date is a calendar date: shown as written, in no zone.
        title: `Loss report: ${isNoticeDue ? 'DEA notice' : 'DEA Form 106'} due ${formatDay(new Date(`${due}T12:00:00Z`), 'UTC')}`,
        subject: `${r.drug} lot ${r.lot_number}`,
        detail: `${r.kind.replace(/-/g, ' ')}, ${Number(r.quantity)} mg`,
        at: new Date(`${due}T00:00:00Z`),
        urgency: 'urgent',
        link: 'ledger?tab=losses',
      }),
    )
  }
  return items
}

/** One chain's verdict, checked just now: `ok` when it holds, urgent when it breaks. */
function chainItem(
  scope: ClinicScope,
  chain: { id: string; kind: string; link: string },
  verdict: { isIntact: boolean; title: string; detail: string },
): WorklistItem {
  const { isIntact, title, detail } = verdict
  return clinicItem({ ...chain, title, detail, at: scope.now, urgency: isIntact ? 'ok' : 'urgent' })
}

export async function loadIntegrity(scope: ClinicScope): Promise<WorklistItem[]> {
  // The clinic's own audit chain (its sealed events), as the row-level-secured transaction sees it.
  const { verdict: audit } = await verifyAuditChain(scope.tx, scope.clinicId)
  const items = [
    chainItem(
      scope,
      { id: 'integrity:audit', kind: 'audit-chain', link: 'audit' },
      audit.ok
        ? {
            isIntact: true,
            title: 'Audit trail intact',
            detail: `${audit.checked} events checked just now; none altered or missing in the chain.`,
          }
        : {
            isIntact: false,
            title: 'Audit trail broken',
            detail: `The chain breaks at event ${audit.brokenAt}: report it to the clinic’s security officer.`,
          },
    ),
  ]
  const [ledger] = await verifyLedgerChains(scope.tx, scope.clinicId)
  if (ledger)
    items.push(
      chainItem(
        scope,
        { id: 'integrity:ledger', kind: 'ledger-chain', link: 'ledger?tab=log' },
        ledger.verdict.ok
          ? {
              isIntact: true,
              title: 'Ledger intact',
              detail: `${ledger.verdict.checked} entries checked just now; the balances replay.`,
            }
          : {
              isIntact: false,
              title: 'Ledger chain broken',
              detail: `At entry ${ledger.verdict.brokenAt}: report it before the next count.`,
            },
      ),
    )
  return items
}
