import { sql } from 'kysely'
import { type inventoryTimings, type inventoryTypes, reportKinds } from '../../../contract/ledger'
import type { CsDrug } from '../../../db'
import { addQuantity, formatQuantity, parseQuantity, type Quantity, ZERO } from '../../../domain/ledger'
import { addDaysTo, clinicDateTimeText, startOfClinicDay } from '../../../domain/time'
import { readClinic } from '../../clinic-settings'
import type { AppContext } from '../../context'
import type { Principal } from '../../principal'
import { drugLabels, toUnits } from './lot-view'
import type { ReportTable } from './report-render'
import { invalidField, type LedgerScope, runInLedger } from './scope'

// The records an inspector asks for (clinical-reference §8, 21 CFR 1304.11 and 1304.22): inventories
// (initial, biennial, on demand; at the opening or close of business), the administration log with
// each patient's name and address, the waste log and the discrepancy log.

export { reportKinds }
export type ReportKind = (typeof reportKinds)[number]

export interface ReportRequest {
  kind: ReportKind
  /** Local dates, inclusive; default the last 30 days. */
  from?: string | undefined
  to?: string | undefined
  /** Inventory only. */
  inventoryType?: (typeof inventoryTypes)[number] | undefined
  timing?: (typeof inventoryTimings)[number] | undefined
  /** Inventory only: the business day counted (default today, as of now). */
  date?: string | undefined
}

export function buildReport(ctx: AppContext, principal: Principal, clinicId: string, request: ReportRequest) {
  return runInLedger(
    ctx,
    principal,
    clinicId,
    { permission: 'ledger:read', action: `ledger.report.${request.kind}`, entity: 'cs_entry' },
    (scope) => reportTable(scope, request),
  )
}

/** The report inside a clinic's transaction (the API's, or the CLI's read-only one); audited. */
export async function reportTable(scope: LedgerScope, request: ReportRequest): Promise<ReportTable> {
  const clinic = await readClinic(scope.tx, scope.clinicId, ['name', 'dea_registration'])
  const registrant = `${clinic.name} — DEA registration ${clinic.dea_registration ?? '(not on file)'}`
  const generated = `Generated ${clinicDateTimeText(scope.now, scope.timeZone)} (${scope.timeZone}) by ${scope.principal.displayName}`
  const table =
    request.kind === 'inventory'
      ? await inventory(scope, request, [registrant, generated])
      : await periodReport(scope, request, [registrant, generated])
  await scope.audit({
    action: `ledger.report.${request.kind}`,
    entity: 'cs_entry',
    detail: { from: request.from ?? null, to: request.to ?? null, rows: table.rows.length },
  })
  return table
}

function period(scope: LedgerScope, request: ReportRequest) {
  const to = request.to ?? scope.today
  const from = request.from ?? addDaysTo(to, -29)
  if (from > to) throw invalidField('from', 'must be on or before to')
  return {
    from,
    to,
    start: startOfClinicDay(from, scope.timeZone),
    end: startOfClinicDay(addDaysTo(to, 1), scope.timeZone),
  }
}

async function inventory(
  scope: LedgerScope,
  request: ReportRequest,
  heading: string[],
): Promise<ReportTable> {
  const type = request.inventoryType ?? 'on-demand'
  const timing = request.timing ?? 'closing'
  const date = request.date ?? scope.today
  if (date > scope.today) throw invalidField('date', 'cannot be in the future')
  const boundary = startOfClinicDay(timing === 'opening' ? date : addDaysTo(date, 1), scope.timeZone)
  // A close of business still to come is taken as of now, including what was just recorded.
  const isPast = boundary <= scope.now
  const asOf = isPast ? boundary : scope.now
  const rows = await scope.tx
    .selectFrom('cs_entry as e')
    .innerJoin('cs_lot as l', 'l.id', 'e.lot_id')
    .select([
      'l.id',
      'l.drug',
      'l.product',
      'l.ndc',
      'l.lot_number',
      'l.expires_on',
      'l.strength_mg',
      'l.unit',
      'l.units_per_container',
    ])
    .select(sql<string>`sum(e.change)`.as('balance'))
    .where('e.clinic_id', '=', scope.clinicId)
    .where('e.at', isPast ? '<' : '<=', asOf)
    .groupBy(['l.id'])
    .orderBy('l.drug')
    .orderBy('l.expires_on')
    .execute()
  const totals = new Map<CsDrug, Quantity>()
  const lines = rows
    .filter((r) => parseQuantity(r.balance) > ZERO)
    .map((r) => {
      const balance = parseQuantity(r.balance)
      totals.set(r.drug, addQuantity(totals.get(r.drug) ?? ZERO, balance))
      const units = toUnits(r, r.balance)
      return [
        drugLabels[r.drug],
        r.product,
        r.ndc,
        r.lot_number,
        r.expires_on,
        `${formatQuantity(parseQuantity(r.strength_mg))} mg/${r.unit}`,
        formatQuantity(balance),
        `${units} ${r.unit === 'mL' ? 'mL' : units === '1' ? 'device' : 'devices'}`,
      ]
    })
  const label = { initial: 'Initial inventory', biennial: 'Biennial inventory', 'on-demand': 'Inventory' }[
    type
  ]
  return {
    title: `${label} of Schedule III controlled substances`,
    heading: [
      ...heading,
      `Taken as of the ${timing === 'opening' ? 'opening' : 'close'} of business on ${date} (${clinicDateTimeText(asOf, scope.timeZone)}).`,
    ],
    columns: [
      { label: 'Drug', width: 12 },
      { label: 'Product', width: 22 },
      { label: 'NDC', width: 10 },
      { label: 'Lot', width: 9 },
      { label: 'Expires', width: 9 },
      { label: 'Strength', width: 9 },
      { label: 'On hand (mg)', width: 9, align: 'right' },
      { label: 'Finished form', width: 10, align: 'right' },
    ],
    rows: lines,
    footer: [
      ...[...totals].map(([drug, q]) => `Total ${drugLabels[drug]}: ${formatQuantity(q)} mg`),
      'Quantities are the ledger balances; opened Schedule III containers may be estimated (21 CFR 1304.11(e)(3)).',
      'Inventory taken by (name, signature): ______________________________   Date: ____________',
    ],
    filename: `${type}-inventory-${date}-${timing}`,
  }
}

async function periodReport(
  scope: LedgerScope,
  request: ReportRequest,
  heading: string[],
): Promise<ReportTable> {
  const { from, to, start, end } = period(scope, request)
  const range = `Period ${from} to ${to} (${scope.timeZone}).`
  const at = (d: Date) => clinicDateTimeText(d, scope.timeZone)
  if (request.kind === 'discrepancies') {
    const rows = await scope.tx
      .selectFrom('cs_discrepancy as d')
      .innerJoin('cs_lot as l', 'l.id', 'd.lot_id')
      .innerJoin('app_user as o', 'o.id', 'd.opened_by')
      .leftJoin('app_user as r', 'r.id', 'd.resolved_by')
      .selectAll('d')
      .select(['l.lot_number', 'l.drug', 'o.display_name as opener', 'r.display_name as resolver'])
      .where('d.clinic_id', '=', scope.clinicId)
      .where('d.opened_at', '>=', start)
      .where('d.opened_at', '<', end)
      .orderBy('d.opened_at')
      .execute()
    return {
      title: 'Discrepancy log',
      heading: [...heading, range],
      columns: [
        { label: 'Opened', width: 10 },
        { label: 'Lot', width: 8 },
        { label: 'Drug', width: 10 },
        { label: 'Expected (mg)', width: 8, align: 'right' },
        { label: 'Counted (mg)', width: 8, align: 'right' },
        { label: 'Difference (mg)', width: 8, align: 'right' },
        { label: 'Counted by', width: 10 },
        { label: 'Status', width: 9 },
        { label: 'Resolved', width: 10 },
        { label: 'Resolved by', width: 10 },
        { label: 'Reason', width: 20 },
      ],
      rows: rows.map((d) => [
        at(d.opened_at),
        d.lot_number,
        drugLabels[d.drug],
        formatQuantity(parseQuantity(d.expected)),
        formatQuantity(parseQuantity(d.counted)),
        formatQuantity(parseQuantity(d.difference)),
        d.opener,
        d.status === 'open' ? 'open' : `resolved (${d.resolution})`,
        d.resolved_at ? at(d.resolved_at) : '',
        d.resolver ?? '',
        d.resolution_reason ?? '',
      ]),
      footer: [`${rows.filter((d) => d.status === 'open').length} of ${rows.length} still open.`],
      filename: `discrepancy-log-${from}-${to}`,
    }
  }
  const kinds =
    request.kind === 'administrations' ? (['administer'] as const) : (['waste', 'breakage'] as const)
  const rows = await scope.tx
    .selectFrom('cs_entry as e')
    .innerJoin('cs_lot as l', 'l.id', 'e.lot_id')
    .leftJoin('patient as p', 'p.id', 'e.patient_id')
    .selectAll('e')
    .select([
      'l.lot_number',
      'l.drug',
      'l.ndc',
      'l.strength_mg',
      'l.unit',
      'p.given_name',
      'p.family_name',
      'p.address',
      'p.mrn',
    ])
    .where('e.clinic_id', '=', scope.clinicId)
    .where('e.kind', 'in', [...kinds])
    .where('e.at', '>=', start)
    .where('e.at', '<', end)
    .orderBy('e.at')
    .orderBy('e.seq')
    .execute()
  const total = rows.reduce((sum, r) => addQuantity(sum, parseQuantity(r.quantity)), ZERO)
  const units = (r: (typeof rows)[number]) => {
    const count = toUnits(r, r.quantity)
    return `${count} ${r.unit === 'mL' ? 'mL' : count === '1' ? 'device' : 'devices'}`
  }
  if (request.kind === 'administrations') {
    return {
      title: 'Administration log',
      heading: [...heading, range],
      columns: [
        { label: 'Date and time', width: 10 },
        { label: 'Patient', width: 11 },
        // Wide enough for a 14-character MRN on one line (a wrapped MRN misreads as two records).
        { label: 'MRN', width: 12 },
        { label: 'Address', width: 16 },
        { label: 'Drug', width: 10 },
        { label: 'Lot', width: 8 },
        { label: 'Quantity (mg)', width: 7, align: 'right' },
        { label: 'Form', width: 7, align: 'right' },
        { label: 'Given by', width: 11 },
      ],
      rows: rows.map((r) => [
        at(r.at),
        `${r.given_name ?? ''} ${r.family_name ?? ''}`.trim(),
        r.mrn ?? '',
        r.address ?? '(no address on file)',
        drugLabels[r.drug],
        r.lot_number,
        formatQuantity(parseQuantity(r.quantity)),
        units(r),
        r.actor_name,
      ]),
      footer: [`${rows.length} administrations, ${formatQuantity(total)} mg in total.`],
      filename: `administration-log-${from}-${to}`,
    }
  }
  return {
    title: 'Waste and breakage log',
    heading: [...heading, range],
    columns: [
      { label: 'Date and time', width: 10 },
      { label: 'Kind', width: 7 },
      { label: 'Drug', width: 10 },
      { label: 'NDC', width: 9 },
      { label: 'Lot', width: 8 },
      { label: 'Quantity (mg)', width: 7, align: 'right' },
      { label: 'Form', width: 7, align: 'right' },
      { label: 'Reason', width: 16 },
      { label: 'Method', width: 10 },
      { label: 'By', width: 10 },
      { label: 'Witness', width: 10 },
    ],
    rows: rows.map((r) => [
      at(r.at),
      r.kind,
      drugLabels[r.drug],
      r.ndc,
      r.lot_number,
      formatQuantity(parseQuantity(r.quantity)),
      units(r),
      r.reason ?? '',
      typeof r.detail.method === 'string' ? r.detail.method : '',
      r.actor_name,
      r.witness_name ?? '(not witnessed)',
    ]),
    footer: [`${rows.length} entries, ${formatQuantity(total)} mg in total.`],
    filename: `waste-log-${from}-${to}`,
  }
}
