import type { Selectable } from 'kysely'
import type { CsDrug, CsLotTable } from '../../../db'
import { divideQuantity, formatQuantity, parseQuantity } from '../../../domain/ledger'
import { daysBetween } from '../../../domain/time'

export const drugLabels: Record<CsDrug, string> = {
  'racemic-ketamine': 'Ketamine HCl (racemic)',
  esketamine: 'Esketamine',
}

export function describeLot(lot: Pick<Selectable<CsLotTable>, 'lot_number' | 'drug'>): string {
  return `Lot ${lot.lot_number} (${drugLabels[lot.drug]})`
}

/** mg shown in the container's units: mL of solution, or nasal spray devices. */
export function toUnits(lot: Pick<Selectable<CsLotTable>, 'strength_mg'>, mg: string): string {
  return formatQuantity(divideQuantity(parseQuantity(mg), parseQuantity(lot.strength_mg)))
}

export type ExpiryStatus = 'ok' | 'expiring' | 'expired'

/** A lot may be drawn through its expiry date; warned `warningDays` before it. */
export function expiryOf(expiresOn: string, today: string, warningDays: number) {
  const daysLeft = daysBetween(today, expiresOn)
  const status: ExpiryStatus = daysLeft < 0 ? 'expired' : daysLeft <= warningDays ? 'expiring' : 'ok'
  return { status, daysLeft }
}

/** What names a lot wherever it is listed: drug, product, number, expiry, unit and strength. */
export function lotIdentity(lot: Selectable<CsLotTable>, today: string, warningDays: number) {
  const expiry = expiryOf(lot.expires_on, today, warningDays)
  return {
    id: lot.id,
    drug: lot.drug,
    drugLabel: drugLabels[lot.drug],
    product: lot.product,
    lotNumber: lot.lot_number,
    expiresOn: lot.expires_on,
    expiryStatus: expiry.status,
    daysToExpiry: expiry.daysLeft,
    unit: lot.unit,
    strengthMg: formatQuantity(parseQuantity(lot.strength_mg)),
  }
}

export function toLotDto(
  lot: Selectable<CsLotTable>,
  balanceMg: string,
  today: string,
  warningDays: number,
  openDiscrepancies: number,
) {
  const balance = formatQuantity(parseQuantity(balanceMg))
  return {
    ...lotIdentity(lot, today, warningDays),
    ndc: lot.ndc,
    unitsPerContainer: formatQuantity(parseQuantity(lot.units_per_container)),
    containerNumbers: lot.container_numbers,
    supplierName: lot.supplier_name,
    supplierAddress: lot.supplier_address,
    supplierDea: lot.supplier_dea,
    invoiceNumber: lot.invoice_number,
    receivedAt: lot.received_at,
    receivedBy: lot.received_by,
    witnessUserId: lot.witness_user_id,
    balanceMg: balance,
    balanceUnits: toUnits(lot, balance),
    openDiscrepancies,
  }
}
