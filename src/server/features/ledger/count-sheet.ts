import { formatQuantity, parseQuantity, type Quantity, subtractQuantity, ZERO } from '../../../domain/ledger'
import { AppError } from '../../errors'
import { appendEntry } from './append-entry'
import { findDiscrepancyDto } from './discrepancies'
import { drugLabels, lotIdentity } from './lot-view'
import { invalidField, type LedgerScope, ledgerOperation } from './scope'
import { listLotsWithBalance } from './store'
import { signAsWitness, type WitnessInput } from './witness'

// The count sheet (issue 14, clinical-reference §8): a blind count. The counting screen gets the
// lots in stock without their balances; the whole sheet (every lot, one witness who counted
// alongside) is submitted once and written in one transaction; only then is each lot's expected
// balance, and any discrepancy, shown. A bad row is a 400 naming `counts.<i>.<field>` and nothing
// is written.

export type CountOccasion = 'opening' | 'closing' | 'shift' | 'other'

/** The lots to count, as the counting screen sees them: no balance, nothing derived from it. */
export const getCountSheet = ledgerOperation(
  { permission: 'ledger:write', action: 'ledger.count-sheet', entity: 'cs_lot' },
  async (scope) => ({
    today: scope.today,
    lots: (await lotsToCount(scope)).map((l) =>
      lotIdentity(l, scope.today, scope.settings.expiryWarningDays),
    ),
  }),
)

/** Lots on the sheet: every lot whose balance is not zero. */
async function lotsToCount(scope: LedgerScope) {
  const rows = await listLotsWithBalance(scope.tx, scope.clinicId)
  return rows.filter((r) => r.balance !== null && parseQuantity(r.balance) !== ZERO)
}

export interface CountSheetInput {
  occasion: CountOccasion
  witness: WitnessInput
  counts: { lotId: string; counted: string }[]
}

/**
 * Records a whole count sheet at once: every lot on the sheet, counted, witnessed by a second
 * licensed member who re-authenticates once for the sheet. Replies with each lot's expected
 * balance, what was counted and the discrepancy a difference opened.
 */
export const submitCountSheet = ledgerOperation(
  { permission: 'ledger:write', action: 'ledger.count-sheet.submit' },
  async (scope, input: CountSheetInput) => {
    const onSheet = await lotsToCount(scope)
    const allLots = await listLotsWithBalance(scope.tx, scope.clinicId)
    const seen = new Set<string>()
    const rows: { lot: (typeof allLots)[number]; counted: Quantity }[] = []
    for (const [i, row] of input.counts.entries()) {
      const lot = allLots.find((l) => l.id === row.lotId)
      if (!lot) throw invalidField(`counts.${i}.lotId`, 'is not a lot of this clinic')
      if (seen.has(row.lotId)) throw invalidField(`counts.${i}.lotId`, `lists lot ${lot.lot_number} twice`)
      seen.add(row.lotId)
      let counted: Quantity
      try {
        counted = parseQuantity(row.counted, `counts.${i}.counted`)
      } catch {
        throw invalidField(`counts.${i}.counted`, 'must be a number of mg, e.g. "12.5"')
      }
      if (counted < ZERO) throw invalidField(`counts.${i}.counted`, 'cannot be negative')
      rows.push({ lot, counted })
    }
    const missing = onSheet.filter((l) => !seen.has(l.id))
    if (missing.length > 0)
      throw new AppError(
        'validation-failed',
        `Count every lot on the sheet: ${missing.map((l) => `lot ${l.lot_number}`).join(', ')} not counted.`,
        {
          fieldErrors: missing.map((l) => ({
            field: 'counts',
            message: `lot ${l.lot_number} is not counted`,
          })),
          extra: { missingLotIds: missing.map((l) => l.id) },
        },
      )
    const witness = await signAsWitness(scope, input.witness, 'witnessed count of a controlled substance', {
      occasion: input.occasion,
      counts: rows.map((r) => ({ lotId: r.lot.id, countedMg: formatQuantity(r.counted) })),
    })
    const results = []
    for (const { lot, counted } of rows) {
      const { entry, balanceBefore, discrepancyId } = await appendEntry(scope, {
        lot,
        kind: 'count',
        quantity: counted,
        witness,
        detail: { occasion: input.occasion, sheet: 'blind' },
      })
      results.push({
        lotId: lot.id,
        lotNumber: lot.lot_number,
        drugLabel: drugLabels[lot.drug],
        entryId: entry.id,
        expectedMg: formatQuantity(balanceBefore),
        countedMg: formatQuantity(counted),
        differenceMg: formatQuantity(subtractQuantity(counted, balanceBefore)),
        discrepancy: await findDiscrepancyDto(scope, discrepancyId),
      })
    }
    return { occasion: input.occasion, witnessName: witness.name, results }
  },
)
