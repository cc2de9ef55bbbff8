import { DomainValidationError } from '../errors'
import type { LedgerEntryKind } from './balance'
import { addQuantity, formatQuantity, parseQuantity, type Quantity, subtractQuantity, ZERO } from './quantity'

// A session's dose in the ledger (clinical-reference §8): what is drawn at the chair leaves the
// lot as a `dispense`; when delivery ends (pump stopped or completed, session finished or
// aborted) an `administer` entry records what the pump record says was given, and what was drawn
// but not given is owed as a witnessed waste. Both settle the dispense and move no stock (the
// milligrams left the lot when drawn). drawn = given + wasted once nothing is owed.

export interface SessionDoseEntry {
  id: string
  lotId: string
  kind: LedgerEntryKind
  /** Decimal text, mg. */
  quantity: string
  /** For an administration or waste that settles a dispense: that dispense's entry id. */
  dispenseEntryId: string | null
}

export interface SessionLotAccount {
  dispenseEntryId: string
  lotId: string
  drawnMg: string
  /** Null until delivery ended and the administration was recorded. */
  givenMg: string | null
  wastedMg: string
  /** drawn − given − wasted once given is recorded; zero before. */
  owedMg: string
}

export interface SessionDoseAccount {
  lots: SessionLotAccount[]
  /** Some dispense is still waiting for its administration (the dose is being given). */
  isDelivering: boolean
  /** Total owed as witnessed waste, mg. */
  owedMg: string
}

/** The session's dispenses and what settles each; throws if a settlement names no dispense. */
export function sessionDoseAccount(entries: readonly SessionDoseEntry[]): SessionDoseAccount {
  const accounts = new Map<
    string,
    { lotId: string; drawn: Quantity; given: Quantity | null; wasted: Quantity }
  >()
  for (const e of entries)
    if (e.kind === 'dispense')
      accounts.set(e.id, { lotId: e.lotId, drawn: parseQuantity(e.quantity), given: null, wasted: ZERO })
  for (const e of entries) {
    if (!e.dispenseEntryId) continue
    const account = accounts.get(e.dispenseEntryId)
    if (!account)
      throw new DomainValidationError(`entries.${e.id}.dispenseEntryId`, 'names no dispense of this session')
    const q = parseQuantity(e.quantity)
    if (e.kind === 'administer') account.given = addQuantity(account.given ?? ZERO, q)
    else if (e.kind === 'waste') account.wasted = addQuantity(account.wasted, q)
  }
  let owed = ZERO
  const lots = [...accounts].map(([dispenseEntryId, a]) => {
    const lotOwed = a.given === null ? ZERO : subtractQuantity(subtractQuantity(a.drawn, a.given), a.wasted)
    // Bigints: Math.max does not apply.
    const clamped = [lotOwed, ZERO].sort((x, y) => (x > y ? -1 : 1))[0]!
    owed = addQuantity(owed, clamped)
    return {
      dispenseEntryId,
      lotId: a.lotId,
      drawnMg: formatQuantity(a.drawn),
      givenMg: a.given === null ? null : formatQuantity(a.given),
      wastedMg: formatQuantity(a.wasted),
      owedMg: formatQuantity(clamped),
    }
  })
  return {
    lots,
    isDelivering: lots.some((l) => l.givenMg === null),
    owedMg: formatQuantity(owed),
  }
}

/** What the ledger records as given from a dispense: the pump's delivered amount, never more than drawn. */
export function givenFromDispense(drawnMg: string, deliveredMg: number): string {
  if (!(deliveredMg >= 0)) throw new DomainValidationError('deliveredMg', 'must be zero or more')
  const drawn = parseQuantity(drawnMg)
  // The pump record is in floating mg; three decimals is what it computes (infusion-record.ts).
  const delivered = parseQuantity(deliveredMg.toFixed(3))
  return formatQuantity([delivered, drawn].sort((x, y) => (x < y ? -1 : 1))[0]!)
}
