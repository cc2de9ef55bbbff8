import { type Selectable, sql } from 'kysely'
import type { z } from 'zod'
import type { entryDetailSchema } from '../../../contract/ledger'
import type { CsEntryTable } from '../../../db'
import { hasPermission, type StaffRole } from '../../../domain/access/permissions'
import { formatQuantity, type LedgerEntryKind, parseQuantity } from '../../../domain/ledger'
import type { Tx } from '../../context'
import { AppError } from '../../errors'

// Row-level security already limits every table to the request's clinic; the explicit clinic
// filters are the first of the two fences (design.md §2).

export async function findLot(tx: Tx, clinicId: string, lotId: string) {
  const lot = await tx
    .selectFrom('cs_lot')
    .selectAll()
    .where('clinic_id', '=', clinicId)
    .where('id', '=', lotId)
    .executeTakeFirst()
  if (!lot) throw new AppError('not-found', 'No such lot in this clinic.')
  return lot
}

/** Every lot with its current balance (the last entry's running balance) and open discrepancies. */
export function listLotsWithBalance(tx: Tx, clinicId: string) {
  return tx
    .selectFrom('cs_lot as l')
    .selectAll('l')
    .select((eb) => [
      eb
        .selectFrom('cs_entry as e')
        .select('e.balance_after')
        .whereRef('e.lot_id', '=', 'l.id')
        .orderBy('e.lot_seq', 'desc')
        .limit(1)
        .as('balance'),
      eb
        .selectFrom('cs_discrepancy as d')
        .select((d) => d.fn.countAll<string>().as('n'))
        .whereRef('d.lot_id', '=', 'l.id')
        .where('d.status', '=', 'open')
        .as('open_discrepancies'),
    ])
    .where('l.clinic_id', '=', clinicId)
    .orderBy('l.drug')
    .orderBy('l.expires_on')
    .orderBy('l.lot_number')
    .execute()
}

export interface EntryFilter {
  lotId?: string | undefined
  kind?: LedgerEntryKind | undefined
  from?: Date | undefined
  to?: Date | undefined
}

function entriesQuery(tx: Tx, clinicId: string, filter: EntryFilter) {
  let query = tx
    .selectFrom('cs_entry as e')
    .innerJoin('cs_lot as l', 'l.id', 'e.lot_id')
    .leftJoin('patient as p', 'p.id', 'e.patient_id')
    .where('e.clinic_id', '=', clinicId)
  if (filter.lotId) query = query.where('e.lot_id', '=', filter.lotId)
  if (filter.kind) query = query.where('e.kind', '=', filter.kind)
  if (filter.from) query = query.where('e.at', '>=', filter.from)
  if (filter.to) query = query.where('e.at', '<', filter.to)
  return query
}

export async function listEntries(
  tx: Tx,
  clinicId: string,
  filter: EntryFilter,
  page: { limit: number; offset: number },
) {
  const query = entriesQuery(tx, clinicId, filter)
  const [rows, total] = await Promise.all([
    query
      .selectAll('e')
      .select([
        'l.lot_number',
        'l.drug',
        sql<string | null>`p.given_name || ' ' || p.family_name`.as('patient_name'),
      ])
      .orderBy('e.seq', 'desc')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ])
  return { rows, total: Number(total.n) }
}

const quantityText = (text: string | null) => (text === null ? null : formatQuantity(parseQuantity(text)))

export function toEntryDto(
  row: Selectable<CsEntryTable> & { lot_number: string; drug: string; patient_name: string | null },
) {
  return {
    id: row.id,
    seq: Number(row.seq),
    lotId: row.lot_id,
    lotNumber: row.lot_number,
    drug: row.drug,
    lotSeq: row.lot_seq,
    kind: row.kind,
    quantityMg: quantityText(row.quantity)!,
    changeMg: quantityText(row.change)!,
    balanceAfterMg: quantityText(row.balance_after)!,
    actorUserId: row.actor_user_id,
    actorName: row.actor_name,
    witnessUserId: row.witness_user_id,
    witnessName: row.witness_name,
    reason: row.reason,
    sessionId: row.session_id,
    patientId: row.patient_id,
    patientName: row.patient_name,
    discrepancyId: row.discrepancy_id,
    expectedMg: quantityText(row.expected),
    countedMg: quantityText(row.counted),
    // The column is jsonb written only by appendEntry; the reply schema checks its members.
    detail: row.detail as z.output<typeof entryDetailSchema>,
    at: row.at,
    recordedAt: row.recorded_at,
    hash: row.hash,
  }
}

export async function findEntryDto(tx: Tx, clinicId: string, entryId: string) {
  const row = await entriesQuery(tx, clinicId, {})
    .selectAll('e')
    .select([
      'l.lot_number',
      'l.drug',
      sql<string | null>`p.given_name || ' ' || p.family_name`.as('patient_name'),
    ])
    .where('e.id', '=', entryId)
    .executeTakeFirstOrThrow()
  return toEntryDto(row)
}

/** Active nurses and prescribers of the clinic other than `exceptUserId`: who may witness. */
export async function listWitnessCandidates(tx: Tx, clinicId: string, exceptUserId: string) {
  const rows = await tx
    .selectFrom('membership as m')
    .innerJoin('app_user as u', 'u.id', 'm.user_id')
    .leftJoin('mfa_secret as s', 's.user_id', 'u.id')
    .select([
      'u.id as userId',
      'u.display_name as displayName',
      'm.role',
      sql<boolean>`s.confirmed_at IS NOT NULL`.as('hasAuthenticator'),
    ])
    .where('m.clinic_id', '=', clinicId)
    .where('m.is_active', '=', true)
    .where('u.is_active', '=', true)
    .where('u.id', '<>', exceptUserId)
    .orderBy('u.display_name')
    .execute()
  return rows.filter((r) => hasPermission(r.role as StaffRole, 'ledger:write'))
}

/** Foreign keys do not see row-level security, so a patient or session id is checked against the clinic. */
export async function requirePatient(tx: Tx, clinicId: string, patientId: string, field = 'patientId') {
  const patient = await tx
    .selectFrom('patient')
    .select(['id', 'given_name', 'family_name'])
    .where('clinic_id', '=', clinicId)
    .where('id', '=', patientId)
    .executeTakeFirst()
  if (!patient)
    throw new AppError('validation-failed', 'No such patient in this clinic.', {
      fieldErrors: [{ field, message: 'is not a patient of this clinic' }],
    })
  return patient
}

export async function requireSession(tx: Tx, clinicId: string, sessionId: string, patientId: string) {
  const session = await tx
    .selectFrom('treatment_session')
    .select(['id', 'patient_id'])
    .where('clinic_id', '=', clinicId)
    .where('id', '=', sessionId)
    .executeTakeFirst()
  if (!session || session.patient_id !== patientId)
    throw new AppError('validation-failed', 'No such treatment session of this patient in this clinic.', {
      fieldErrors: [{ field: 'sessionId', message: 'is not a session of this patient in this clinic' }],
    })
}
