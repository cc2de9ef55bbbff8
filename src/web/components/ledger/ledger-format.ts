import {
  divideQuantity,
  formatQuantity,
  ledgerInputLimits,
  multiplyQuantity,
  parseQuantity,
} from '../../../domain/ledger'
import type { EntryKind, Lot, LotUnit } from '../../api/ledger'

// Display helpers for ledger quantities. Arithmetic stays exact (src/domain/ledger/quantity.ts);
// only the thousands separators are added for reading.

/** "2,487.65" from "2487.65", keeping every decimal the ledger holds. */
export function groupDigits(text: string): string {
  const [whole = '', fraction] = text.split('.')
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  return fraction ? `${grouped}.${fraction}` : grouped
}

export const formatMg = (mg: string) => `${groupDigits(mg)} mg`

export function unitLabel(unit: LotUnit, amount: string): string {
  if (unit === 'mL') return `${groupDigits(amount)} mL`
  return `${groupDigits(amount)} ${amount === '1' ? 'device' : 'devices'}`
}

/** A quantity of mg in the lot's own units ("39.753 mL", "4 devices"); null when not a number. */
export function mgInUnits(lot: Pick<Lot, 'strengthMg' | 'unit'>, mg: string): string | null {
  try {
    return unitLabel(
      lot.unit,
      formatQuantity(divideQuantity(parseQuantity(mg), parseQuantity(lot.strengthMg))),
    )
  } catch {
    return null
  }
}

/** mL or devices typed by a nurse, as exact mg; null when it is not a number or not exact. */
export function unitsToMg(lot: Pick<Lot, 'strengthMg'>, units: string): string | null {
  try {
    return formatQuantity(multiplyQuantity(parseQuantity(units), parseQuantity(lot.strengthMg)))
  } catch {
    return null
  }
}

export function isMgText(text: string): boolean {
  return ledgerInputLimits.positiveMgPattern.test(text.trim())
}

export const kindLabels: Record<EntryKind, string> = {
  receive: 'Received',
  dispense: 'Drawn at the chair',
  administer: 'Administered',
  waste: 'Wasted',
  breakage: 'Breakage / spill',
  return: 'Returned',
  transfer: 'Transferred',
  count: 'Count',
  adjustment: 'Adjustment',
  loss: 'Loss / theft',
}

export const kindColors: Record<EntryKind, string> = {
  receive: 'teal',
  dispense: 'indigo',
  administer: 'blue',
  waste: 'grape',
  breakage: 'orange',
  return: 'cyan',
  transfer: 'cyan',
  count: 'gray',
  adjustment: 'yellow',
  loss: 'red',
}

/** A short, readable form of the entry's hash (the full value is in its title). */
export const shortHash = (hash: string) => `${hash.slice(0, 8)}…${hash.slice(-4)}`
