import type { Selectable } from 'kysely'
import type { CsDrug, CsLotTable, CsUnit } from '../../../db'
import {
  addQuantity,
  type CanonicalValue,
  formatQuantity,
  multiplyQuantity,
  parseQuantity,
  type Quantity,
  ZERO,
} from '../../../domain/ledger'
import type { AppContext } from '../../context'
import { AppError } from '../../errors'
import { uuidv7 } from '../../ids'
import type { Principal } from '../../principal'
import { appendEntry } from './append-entry'
import { findDiscrepancyDto } from './discrepancies'
import { drugLabels, toLotDto } from './lot-view'
import { invalidField, type LedgerScope, ledgerOperation, positiveMg, runInLedger } from './scope'
import {
  type EntryFilter,
  findEntryDto,
  findLot,
  listEntries as listEntryRows,
  listLotsWithBalance,
  listWitnessCandidates,
  requirePatient,
  requireSession,
  toEntryDto,
} from './store'
import { signAsWitness, type WitnessInput } from './witness'

// Lots and stock movements (clinical-reference §8). Every quantity on the wire is mg as decimal
// text; each movement is one chained entry, written by appendEntry under the clinic's ledger lock.

export interface Party {
  name: string
  address: string
  dea: string
}

export interface ReceiptInput {
  containerCount: number
  containerNumbers?: string[] | undefined
  invoiceNumber: string
  supplier?: Party | undefined
  witness?: WitnessInput | undefined
}

export interface CreateLotInput extends ReceiptInput {
  drug: CsDrug
  ndc: string
  product: string
  strengthMg: string
  unit: CsUnit
  unitsPerContainer: string
  lotNumber: string
  expiresOn: string
  supplier: Party
}

const unitOfDrug: Record<CsDrug, CsUnit> = { 'racemic-ketamine': 'mL', esketamine: 'device' }

async function lotDto(scope: LedgerScope, lotId: string) {
  const rows = await listLotsWithBalance(scope.tx, scope.clinicId)
  const row = rows.find((r) => r.id === lotId)!
  return toLotDto(
    row,
    row.balance ?? '0',
    scope.today,
    scope.settings.expiryWarningDays,
    Number(row.open_discrepancies ?? 0),
  )
}

/** Stock on hand: every lot with its balance and expiry state, and totals per drug. */
export const listStock = ledgerOperation(
  { permission: 'ledger:read', action: 'ledger.stock', entity: 'cs_lot' },
  async (scope) => {
    const rows = await listLotsWithBalance(scope.tx, scope.clinicId)
    const lots = rows.map((r) =>
      toLotDto(
        r,
        r.balance ?? '0',
        scope.today,
        scope.settings.expiryWarningDays,
        Number(r.open_discrepancies ?? 0),
      ),
    )
    const totals = new Map<CsDrug, { balance: Quantity; lots: number }>()
    for (const lot of lots) {
      const t = totals.get(lot.drug) ?? { balance: ZERO, lots: 0 }
      totals.set(lot.drug, {
        balance: addQuantity(t.balance, parseQuantity(lot.balanceMg)),
        lots: t.lots + (lot.balanceMg === '0' ? 0 : 1),
      })
    }
    return {
      today: scope.today,
      expiryWarningDays: scope.settings.expiryWarningDays,
      wasteWitnessRequired: scope.settings.wasteWitnessRequired,
      lots,
      drugs: [...totals].map(([drug, t]) => ({
        drug,
        drugLabel: drugLabels[drug],
        balanceMg: formatQuantity(t.balance),
        lotsInStock: t.lots,
      })),
    }
  },
)

export const getLot = ledgerOperation(
  { permission: 'ledger:read', action: 'ledger.lot.read', entity: 'cs_lot' },
  async (scope, lotId: string) => {
    await findLot(scope.tx, scope.clinicId, lotId)
    const { rows } = await listEntryRows(scope.tx, scope.clinicId, { lotId }, { limit: 1000, offset: 0 })
    return { lot: await lotDto(scope, lotId), entries: rows.map(toEntryDto) }
  },
)

export const listEntries = ledgerOperation(
  { permission: 'ledger:read', action: 'ledger.entries' },
  async (scope, filter: EntryFilter & { page: number; pageSize: number }) => {
    const { rows, total } = await listEntryRows(scope.tx, scope.clinicId, filter, {
      limit: filter.pageSize,
      offset: (filter.page - 1) * filter.pageSize,
    })
    return { items: rows.map(toEntryDto), total, page: filter.page, pageSize: filter.pageSize }
  },
)

export const listWitnesses = ledgerOperation(
  { permission: 'ledger:write', action: 'ledger.witnesses', entity: 'membership' },
  (scope) => listWitnessCandidates(scope.tx, scope.clinicId, scope.principal.userId),
)

function receiptQuantity(
  lot: Pick<Selectable<CsLotTable>, 'strength_mg' | 'units_per_container'>,
  input: ReceiptInput,
): Quantity {
  if (
    input.containerNumbers &&
    input.containerNumbers.length > 0 &&
    input.containerNumbers.length !== input.containerCount
  )
    throw invalidField(
      'containerNumbers',
      `lists ${input.containerNumbers.length} numbers for ${input.containerCount} containers`,
    )
  const perContainer = multiplyQuantity(
    parseQuantity(lot.units_per_container),
    parseQuantity(lot.strength_mg),
    'strengthMg',
  )
  return multiplyQuantity(perContainer, parseQuantity(String(input.containerCount)), 'containerCount')
}

async function receiptWitness(
  scope: LedgerScope,
  witness: WitnessInput | undefined,
  content: CanonicalValue,
) {
  return witness
    ? signAsWitness(scope, witness, 'witnessed receipt of a controlled substance', content)
    : null
}

/** Receives a new lot: the lot record (21 CFR 1304.22(c) receipt data) and its receive entry. */
export const createLot = ledgerOperation(
  { permission: 'ledger:write', action: 'ledger.lot.create', entity: 'cs_lot' },
  async (scope, input: CreateLotInput) => {
    if (unitOfDrug[input.drug] !== input.unit)
      throw invalidField('unit', `must be ${unitOfDrug[input.drug]} for ${drugLabels[input.drug]}`)
    positiveMg(input.strengthMg, 'strengthMg')
    positiveMg(input.unitsPerContainer, 'unitsPerContainer')
    if (input.expiresOn < scope.today)
      throw invalidField('expiresOn', 'has passed: an expired lot cannot be received into stock')
    const duplicate = await scope.tx
      .selectFrom('cs_lot')
      .select('id')
      .where('clinic_id', '=', scope.clinicId)
      .where('ndc', '=', input.ndc)
      .where('lot_number', '=', input.lotNumber)
      .executeTakeFirst()
    if (duplicate)
      throw new AppError(
        'conflict',
        `Lot ${input.lotNumber} of NDC ${input.ndc} is already in stock; record a further receipt on it.`,
        {
          fieldErrors: [{ field: 'lotNumber', message: 'is already received; add a receipt to it instead' }],
          extra: { lotId: duplicate.id },
        },
      )
    const lot: Selectable<CsLotTable> = {
      id: uuidv7(scope.now.getTime()),
      clinic_id: scope.clinicId,
      drug: input.drug,
      ndc: input.ndc,
      product: input.product,
      strength_mg: formatQuantity(parseQuantity(input.strengthMg, 'strengthMg')),
      unit: input.unit,
      units_per_container: formatQuantity(parseQuantity(input.unitsPerContainer, 'unitsPerContainer')),
      lot_number: input.lotNumber,
      expires_on: input.expiresOn,
      container_numbers: input.containerNumbers ?? [],
      supplier_name: input.supplier.name,
      supplier_address: input.supplier.address,
      supplier_dea: input.supplier.dea,
      invoice_number: input.invoiceNumber,
      received_at: scope.now,
      received_by: scope.principal.userId,
      witness_user_id: null,
      created_at: scope.now,
    }
    const quantity = receiptQuantity(lot, input)
    const detail = receiptDetail(input, input.supplier)
    const witness = await receiptWitness(scope, input.witness, {
      ndc: input.ndc,
      lotNumber: input.lotNumber,
      quantityMg: formatQuantity(quantity),
      ...detail,
    })
    lot.witness_user_id = witness?.userId ?? null
    await scope.tx.insertInto('cs_lot').values(lot).execute()
    const { entry } = await appendEntry(scope, { lot, kind: 'receive', quantity, witness, detail })
    return { lot: await lotDto(scope, lot.id), entry: await findEntryDto(scope.tx, scope.clinicId, entry.id) }
  },
)

function receiptDetail(input: ReceiptInput, supplier: Party): Record<string, CanonicalValue> {
  return {
    invoiceNumber: input.invoiceNumber,
    containerCount: input.containerCount,
    containerNumbers: input.containerNumbers ?? [],
    supplierName: supplier.name,
    supplierAddress: supplier.address,
    supplierDea: supplier.dea,
  }
}

/** A further receipt of a lot already in stock (same NDC and lot number, another invoice). */
export const receive = movementOperation('receive', async (scope, lot, input: ReceiptInput, lotId) => {
  const supplier = input.supplier ?? {
    name: lot.supplier_name,
    address: lot.supplier_address,
    dea: lot.supplier_dea,
  }
  const quantity = receiptQuantity(lot, input)
  const detail = receiptDetail(input, supplier)
  const witness = await receiptWitness(scope, input.witness, {
    lotId,
    quantityMg: formatQuantity(quantity),
    ...detail,
  })
  return appendEntry(scope, { lot, kind: 'receive', quantity, witness, detail })
})

export interface WasteInput {
  quantity: string
  reason: string
  method?: string | null | undefined
  patientId?: string | null | undefined
  sessionId?: string | null | undefined
  witness?: WitnessInput | undefined
}

/** Partial-vial or unused waste; witnessed when the clinic requires it (default on, §8 ⚠️). */
export const waste = movementOperation('waste', async (scope, lot, input: WasteInput, lotId) => {
  const quantity = positiveMg(input.quantity)
  if (input.patientId) await requirePatient(scope.tx, scope.clinicId, input.patientId)
  if (input.sessionId) {
    if (!input.patientId) throw invalidField('patientId', 'is required with a sessionId')
    await requireSession(scope.tx, scope.clinicId, input.sessionId, input.patientId)
  }
  if (scope.settings.wasteWitnessRequired && !input.witness)
    throw invalidField(
      'witness',
      'is required: this clinic has waste witnessed by a second nurse or prescriber',
    )
  const detail = { method: input.method ?? null }
  const witness = input.witness
    ? await signAsWitness(scope, input.witness, 'witnessed waste of a controlled substance', {
        lotId,
        quantityMg: formatQuantity(quantity),
        reason: input.reason,
        ...detail,
      })
    : null
  return appendEntry(scope, {
    lot,
    kind: 'waste',
    quantity,
    witness,
    reason: input.reason,
    patientId: input.patientId ?? null,
    sessionId: input.sessionId ?? null,
    detail,
  })
})

export interface BreakageInput {
  quantity: string
  reason: string
  witness: WitnessInput
}

/** Witnessed breakage or spillage: recorded, not a loss (clinical-reference §8). */
export const breakage = movementOperation('breakage', async (scope, lot, input: BreakageInput, lotId) => {
  const quantity = positiveMg(input.quantity)
  const witness = await signAsWitness(
    scope,
    input.witness,
    'witnessed breakage or spillage of a controlled substance',
    {
      lotId,
      quantityMg: formatQuantity(quantity),
      reason: input.reason,
    },
  )
  return appendEntry(scope, { lot, kind: 'breakage', quantity, witness, reason: input.reason })
})

export interface ShipmentInput {
  quantity: string
  recipient: Party
  document: string
  reason?: string | null | undefined
  witness?: WitnessInput | undefined
}

/** Stock leaving the registrant: back to the supplier or a reverse distributor, or to another registrant. */
export function ship(
  ctx: AppContext,
  principal: Principal,
  clinicId: string,
  lotId: string,
  kind: 'return' | 'transfer',
  input: ShipmentInput,
) {
  return movement(ctx, principal, clinicId, lotId, kind, async (scope, lot) => {
    const quantity = positiveMg(input.quantity)
    const detail = {
      recipientName: input.recipient.name,
      recipientAddress: input.recipient.address,
      recipientDea: input.recipient.dea,
      document: input.document,
    }
    const witness = input.witness
      ? await signAsWitness(scope, input.witness, `witnessed ${kind} of a controlled substance`, {
          lotId,
          quantityMg: formatQuantity(quantity),
          ...detail,
        })
      : null
    return appendEntry(scope, { lot, kind, quantity, witness, reason: input.reason ?? null, detail })
  })
}

/**
 * A movement service of one kind: `(ctx, principal, clinicId, lotId, input)`, run by `movement`;
 * `work` gets the lot id as requested, which is what the witness signs.
 */
function movementOperation<I>(
  kind: string,
  work: (
    scope: LedgerScope,
    lot: Selectable<CsLotTable>,
    input: I,
    lotId: string,
  ) => ReturnType<MovementWork>,
) {
  return (ctx: AppContext, principal: Principal, clinicId: string, lotId: string, input: I) =>
    movement(ctx, principal, clinicId, lotId, kind, (scope, lot) => work(scope, lot, input, lotId))
}

type MovementWork = (
  scope: LedgerScope,
  lot: Selectable<CsLotTable>,
) => Promise<{ entry: { id: string }; discrepancyId: string | null }>

/** Runs one movement on a lot and shapes the reply: the entry, the lot after it, any discrepancy. */
function movement(
  ctx: AppContext,
  principal: Principal,
  clinicId: string,
  lotId: string,
  kind: string,
  work: MovementWork,
) {
  return runInLedger(
    ctx,
    principal,
    clinicId,
    { permission: 'ledger:write', action: `ledger.${kind}` },
    async (scope) => {
      const lot = await findLot(scope.tx, clinicId, lotId)
      const { entry, discrepancyId } = await work(scope, lot)
      return {
        entry: await findEntryDto(scope.tx, clinicId, entry.id),
        lot: await lotDto(scope, lotId),
        discrepancy: await findDiscrepancyDto(scope, discrepancyId),
      }
    },
  )
}
