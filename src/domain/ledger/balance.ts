import { DomainValidationError } from '../errors'
import { addQuantity, formatQuantity, parseQuantity, type Quantity, subtractQuantity, ZERO } from './quantity'

// Running balances of a controlled-substance ledger (clinical-reference §8). Entries are applied
// in order; a balance may never go below zero, and a count never changes it — a count that
// differs from the expected balance opens a discrepancy, resolved only by an adjustment.

/** Every kind of ledger entry, in the order lists and filters show them. */
export const ledgerEntryKinds = [
  'receive',
  'dispense',
  'administer',
  'waste',
  'breakage',
  'return',
  'transfer',
  'count',
  'adjustment',
  'loss',
] as const
export type LedgerEntryKind = (typeof ledgerEntryKinds)[number]

/** How each kind moves the balance: in, out, none (a count), or signed (an adjustment). */
export const entryDirection: Record<LedgerEntryKind, 'in' | 'out' | 'none' | 'signed'> = {
  receive: 'in',
  dispense: 'out',
  administer: 'out',
  waste: 'out',
  breakage: 'out',
  return: 'out',
  transfer: 'out',
  loss: 'out',
  count: 'none',
  adjustment: 'signed',
}

export interface LedgerEntryInput {
  id: string
  lotId: string
  kind: LedgerEntryKind
  /** Decimal text; positive, except an adjustment, which may be negative. Counts carry the counted amount. */
  quantity: string
  /**
   * An administration or waste that settles a session's dispense (what was drawn at the chair):
   * the milligrams already left the lot with the dispense, so it moves nothing; an administration
   * may then be zero (nothing given). See `settlesDispense`.
   */
  settles?: boolean
}

/** The kinds that can settle a dispense: what was given, and the witnessed waste of the rest. */
export const settlingKinds: readonly LedgerEntryKind[] = ['administer', 'waste']

/** Whether a stored entry settles a dispense: its detail names the dispense entry. */
export function settlesDispense(kind: LedgerEntryKind, detail: unknown): boolean {
  return (
    settlingKinds.includes(kind) &&
    typeof detail === 'object' &&
    detail !== null &&
    typeof (detail as { dispenseEntryId?: unknown }).dispenseEntryId === 'string'
  )
}

export interface AppliedEntry {
  id: string
  lotId: string
  kind: LedgerEntryKind
  /** Signed change to the lot balance. */
  change: Quantity
  balanceAfter: Quantity
  /** For counts: counted − expected (zero when they agree). */
  countDifference?: Quantity
}

export interface Reconciliation {
  expected: Quantity
  counted: Quantity
  /** counted − expected: negative means stock is missing. */
  difference: Quantity
  isDiscrepancy: boolean
}

export function reconcileCount(expected: Quantity, counted: Quantity): Reconciliation {
  const difference = subtractQuantity(counted, expected)
  return { expected, counted, difference, isDiscrepancy: difference !== ZERO }
}

/** The signed change an entry makes, validating its quantity's sign for its kind. */
export function entryChange(entry: LedgerEntryInput): Quantity {
  const field = `entries.${entry.id}.quantity`
  const q = parseQuantity(entry.quantity, field)
  const direction = entryDirection[entry.kind]
  if (entry.settles) {
    if (!settlingKinds.includes(entry.kind))
      throw new DomainValidationError(field, `a ${entry.kind} cannot settle a dispense`)
    if (q < ZERO || (q === ZERO && entry.kind !== 'administer'))
      throw new DomainValidationError(field, `a ${entry.kind} quantity must be greater than zero`)
    return ZERO
  }
  if (direction === 'signed') {
    if (q === ZERO) throw new DomainValidationError(field, 'an adjustment must change the balance')
    return q
  }
  if (direction === 'none') {
    if (q < ZERO) throw new DomainValidationError(field, 'a counted amount cannot be negative')
    return ZERO
  }
  if (q <= ZERO) throw new DomainValidationError(field, `a ${entry.kind} quantity must be greater than zero`)
  return direction === 'in' ? q : (-q as Quantity)
}

/**
 * Applies entries in order and returns each with the lot balance after it. Throws, naming the
 * entry, when one would take a lot below zero.
 */
export function applyLedgerEntries(
  entries: readonly LedgerEntryInput[],
  opening: ReadonlyMap<string, Quantity> = new Map(),
): {
  applied: AppliedEntry[]
  balances: Map<string, Quantity>
} {
  const balances = new Map(opening)
  const applied: AppliedEntry[] = []
  for (const entry of entries) {
    const before = balances.get(entry.lotId) ?? ZERO
    const change = entryChange(entry)
    const after = addQuantity(before, change)
    if (after < ZERO) {
      throw new DomainValidationError(
        `entries.${entry.id}.quantity`,
        `would take lot ${entry.lotId} below zero (balance ${formatQuantity(before)}, change ${formatQuantity(change)})`,
      )
    }
    balances.set(entry.lotId, after)
    const row: AppliedEntry = {
      id: entry.id,
      lotId: entry.lotId,
      kind: entry.kind,
      change,
      balanceAfter: after,
    }
    if (entry.kind === 'count')
      row.countDifference = reconcileCount(before, parseQuantity(entry.quantity)).difference
    applied.push(row)
  }
  return { applied, balances }
}

/** Sums lot balances per drug (or any grouping key the caller gives each lot). */
export function totalByGroup(
  balances: ReadonlyMap<string, Quantity>,
  groupOfLot: (lotId: string) => string,
): Map<string, Quantity> {
  const totals = new Map<string, Quantity>()
  for (const [lotId, q] of balances) {
    const key = groupOfLot(lotId)
    totals.set(key, addQuantity(totals.get(key) ?? ZERO, q))
  }
  return totals
}
