import type { Selectable } from 'kysely'
import type { CsDiscrepancyTable, DiscrepancyStatus } from '../../../db'
import { formatQuantity, parseQuantity, ZERO } from '../../../domain/ledger'
import { AppError } from '../../errors'
import { appendEntry } from './append-entry'
import { invalidField, type LedgerScope, ledgerOperation } from './scope'
import { findEntryDto, findLot } from './store'
import { signAsWitness, type WitnessInput } from './witness'

// A count that differs from the balance opens a discrepancy; the balance is never edited. It is
// closed only by a new chained entry (clinical-reference §8: corrections as new entries): an
// adjustment booking the difference, a recount that matches the balance, or a loss report.
// Who may close one: a nurse or prescriber (ledger:write) with a reason, witnessed by a second one
// who re-authenticates — an adjustment is the entry that could hide a diversion, so it always
// takes two people, whatever the clinic's waste-witness setting.

const q = (text: string) => formatQuantity(parseQuantity(text))

export function toDiscrepancyDto(row: Selectable<CsDiscrepancyTable> & { lot_number: string; drug: string }) {
  return {
    id: row.id,
    lotId: row.lot_id,
    lotNumber: row.lot_number,
    drug: row.drug,
    openedAt: row.opened_at,
    openedBy: row.opened_by,
    expectedMg: q(row.expected),
    countedMg: q(row.counted),
    differenceMg: q(row.difference),
    status: row.status,
    resolution: row.resolution,
    resolvedAt: row.resolved_at,
    resolvedBy: row.resolved_by,
    resolutionReason: row.resolution_reason,
    version: row.version,
  }
}

function discrepancies(scope: LedgerScope) {
  return scope.tx
    .selectFrom('cs_discrepancy as d')
    .innerJoin('cs_lot as l', 'l.id', 'd.lot_id')
    .selectAll('d')
    .select(['l.lot_number', 'l.drug'])
    .where('d.clinic_id', '=', scope.clinicId)
}

/** The discrepancy a count opened, with its lot's number and drug, as a reply shows it; null for none. */
export async function findDiscrepancyDto(scope: LedgerScope, discrepancyId: string | null) {
  if (!discrepancyId) return null
  return toDiscrepancyDto(
    await discrepancies(scope).where('d.id', '=', discrepancyId).executeTakeFirstOrThrow(),
  )
}

export const listDiscrepancies = ledgerOperation(
  { permission: 'ledger:read', action: 'ledger.discrepancies', entity: 'cs_discrepancy' },
  async (scope, filter: { status?: DiscrepancyStatus | undefined }) => {
    let query = discrepancies(scope)
    if (filter.status) query = query.where('d.status', '=', filter.status)
    const rows = await query.orderBy('d.opened_at', 'desc').execute()
    return rows.map(toDiscrepancyDto)
  },
)

export async function findOpenDiscrepancy(scope: LedgerScope, discrepancyId: string, version?: number) {
  const row = await discrepancies(scope).where('d.id', '=', discrepancyId).executeTakeFirst()
  if (!row) throw new AppError('not-found', 'No such discrepancy in this clinic.')
  if (row.status !== 'open') throw new AppError('conflict', 'This discrepancy is already resolved.')
  if (version !== undefined && row.version !== version)
    throw new AppError('stale-version', 'Someone changed this discrepancy since you opened it. Reload it.')
  return row
}

export async function closeDiscrepancy(
  scope: LedgerScope,
  discrepancyId: string,
  resolution: 'adjustment' | 'recount' | 'loss-report',
  reason: string,
) {
  await scope.tx
    .updateTable('cs_discrepancy')
    .set((eb) => ({
      status: 'resolved',
      resolution,
      resolved_at: scope.now,
      resolved_by: scope.principal.userId,
      resolution_reason: reason,
      version: eb('version', '+', 1),
    }))
    .where('id', '=', discrepancyId)
    .where('status', '=', 'open')
    .execute()
  await scope.audit({
    action: 'ledger.discrepancy.resolve',
    entity: 'cs_discrepancy',
    entityId: discrepancyId,
    detail: { resolution, reason },
  })
}

export interface ResolveInput {
  reason: string
  /** A recount that matches the balance closes it without an adjustment. */
  recounted?: string | undefined
  witness: WitnessInput
  version: number
}

export const resolveDiscrepancy = ledgerOperation(
  { permission: 'ledger:write', action: 'ledger.discrepancy.resolve', entity: 'cs_discrepancy' },
  async (scope, discrepancyId: string, input: ResolveInput) => {
    const d = await findOpenDiscrepancy(scope, discrepancyId, input.version)
    const lot = await findLot(scope.tx, scope.clinicId, d.lot_id)
    const isRecount = input.recounted !== undefined
    const quantity = isRecount ? parseQuantity(input.recounted!, 'recounted') : parseQuantity(d.difference)
    if (isRecount && quantity < ZERO) throw invalidField('recounted', 'cannot be negative')
    const witness = await signAsWitness(
      scope,
      input.witness,
      isRecount
        ? 'witnessed recount resolving a discrepancy'
        : 'witnessed adjustment resolving a discrepancy',
      { discrepancyId, lotId: lot.id, quantityMg: formatQuantity(quantity), reason: input.reason },
    )
    const { entry } = await appendEntry(scope, {
      lot,
      kind: isRecount ? 'count' : 'adjustment',
      quantity,
      countMustMatch: true,
      witness,
      reason: input.reason,
      discrepancyId,
      detail: isRecount ? { occasion: 'recount' } : { differenceMg: formatQuantity(quantity) },
    })
    await closeDiscrepancy(scope, discrepancyId, isRecount ? 'recount' : 'adjustment', input.reason)
    return {
      discrepancy: (await findDiscrepancyDto(scope, discrepancyId))!,
      entry: await findEntryDto(scope.tx, scope.clinicId, entry.id),
    }
  },
)
