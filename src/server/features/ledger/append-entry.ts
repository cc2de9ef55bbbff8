import { type Selectable, sql } from 'kysely'
import type { CsEntryTable, CsLotTable } from '../../../db'
import {
  addQuantity,
  type CanonicalValue,
  chainHash,
  entryChange,
  formatQuantity,
  GENESIS_HASH,
  type LedgerEntryKind,
  parseQuantity,
  type Quantity,
  settlesDispense,
  subtractQuantity,
  ZERO,
} from '../../../domain/ledger'
import type { ClinicScope } from '../../clinic-scope'
import type { Tx } from '../../context'
import { AppError } from '../../errors'
import { uuidv7 } from '../../ids'
import { describeLot } from './lot-view'
import type { WitnessSignature } from './witness'

export interface EntryDraft {
  lot: Selectable<CsLotTable>
  kind: LedgerEntryKind
  /** mg; for a count, the amount counted; for an adjustment, signed. */
  quantity: Quantity
  at?: Date | undefined
  witness?: WitnessSignature | null
  reason?: string | null
  sessionId?: string | null
  patientId?: string | null
  discrepancyId?: string | null
  /** For counts: open a discrepancy when the count differs (default), or require it to match. */
  countMustMatch?: boolean
  detail?: Record<string, CanonicalValue>
}

export interface AppendedEntry {
  entry: Selectable<CsEntryTable>
  balanceBefore: Quantity
  /** Opened by a count that differs from the balance. */
  discrepancyId: string | null
}

const kindPhrase: Record<LedgerEntryKind, string> = {
  receive: 'a receipt',
  dispense: 'a draw',
  administer: 'an administration',
  waste: 'a waste',
  breakage: 'a breakage',
  return: 'a return',
  transfer: 'a transfer',
  count: 'a count',
  adjustment: 'an adjustment',
  loss: 'a loss',
}

const canonical = (text: string | null) => (text === null ? null : formatQuantity(parseQuantity(text)))

/** The content an entry's hash covers; `ketacare ledger verify` rebuilds exactly this from a row. */
export function entryContent(
  row: Omit<Selectable<CsEntryTable>, 'seq' | 'prev_hash' | 'hash'>,
): CanonicalValue {
  return {
    id: row.id,
    clinicId: row.clinic_id,
    lotId: row.lot_id,
    lotSeq: row.lot_seq,
    kind: row.kind,
    quantity: canonical(row.quantity),
    change: canonical(row.change),
    balanceAfter: canonical(row.balance_after),
    actorUserId: row.actor_user_id,
    actorName: row.actor_name,
    witnessUserId: row.witness_user_id,
    witnessName: row.witness_name,
    witnessSignatureHash: row.witness_signature_hash,
    reason: row.reason,
    sessionId: row.session_id,
    patientId: row.patient_id,
    discrepancyId: row.discrepancy_id,
    expected: canonical(row.expected),
    counted: canonical(row.counted),
    detail: row.detail as CanonicalValue,
    at: row.at.toISOString(),
    recordedAt: row.recorded_at.toISOString(),
  }
}

/**
 * Serializes a clinic's ledger writers until the transaction ends. Lock order: this lock is taken
 * during the work; the audit chain's lock only as a transaction's last step (runInClinic appends
 * audit events just before commit), so a holder of the audit lock never waits for this one.
 */
async function lockLedger(tx: Tx, clinicId: string): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(hashtextextended(${`ledger:${clinicId}`}, 0))`.execute(tx)
}

/** The lot's balance and entry number as of the last committed entry (read under the lock). */
export async function lotPosition(tx: Tx, lotId: string): Promise<{ balance: Quantity; lotSeq: number }> {
  const last = await tx
    .selectFrom('cs_entry')
    .select(['balance_after', 'lot_seq'])
    .where('lot_id', '=', lotId)
    .orderBy('lot_seq', 'desc')
    .limit(1)
    .executeTakeFirst()
  return last
    ? { balance: parseQuantity(last.balance_after), lotSeq: last.lot_seq }
    : { balance: ZERO, lotSeq: 0 }
}

/**
 * Appends one entry to the clinic's chain inside the caller's transaction. Under the clinic's ledger
 * lock it reads the lot's balance, refuses a change that would take it below zero (409 naming the
 * lot and its balance), and links the entry to the previous one by hash. Two concurrent draws on
 * one lot therefore run one after the other, and the second sees the first's balance.
 */
export async function appendEntry(scope: ClinicScope, draft: EntryDraft): Promise<AppendedEntry> {
  const id = uuidv7(scope.now.getTime())
  const { lot } = draft
  await lockLedger(scope.tx, scope.clinicId)
  const { balance: before, lotSeq } = await lotPosition(scope.tx, lot.id)
  const change = entryChange({
    id,
    lotId: lot.id,
    kind: draft.kind,
    quantity: formatQuantity(draft.quantity),
    ...(settlesDispense(draft.kind, draft.detail) ? { settles: true } : {}),
  })
  const after = addQuantity(before, change)
  if (after < ZERO) {
    throw new AppError(
      'conflict',
      `${describeLot(lot)} holds ${formatQuantity(before)} mg; ${kindPhrase[draft.kind]} of ${formatQuantity(
        draft.quantity < ZERO ? (-draft.quantity as Quantity) : draft.quantity,
      )} mg would take it below zero.`,
      {
        fieldErrors: [
          {
            field: 'quantity',
            message: `is more than the ${formatQuantity(before)} mg in lot ${lot.lot_number}`,
          },
        ],
        extra: { lotId: lot.id, lotNumber: lot.lot_number, balanceMg: formatQuantity(before) },
      },
    )
  }
  let discrepancyId = draft.discrepancyId ?? null
  let opened: string | null = null
  if (draft.kind === 'count' && draft.quantity !== before) {
    if (draft.countMustMatch) {
      throw new AppError(
        'conflict',
        `The recount (${formatQuantity(draft.quantity)} mg) does not match the balance of ${describeLot(lot)} (${formatQuantity(before)} mg).`,
        {
          fieldErrors: [
            { field: 'recounted', message: `differs from the balance of ${formatQuantity(before)} mg` },
          ],
        },
      )
    }
    opened = uuidv7(scope.now.getTime())
    discrepancyId = opened
    await scope.tx
      .insertInto('cs_discrepancy')
      .values({
        id: opened,
        clinic_id: scope.clinicId,
        lot_id: lot.id,
        opened_at: scope.now,
        opened_by: scope.principal.userId,
        expected: formatQuantity(before),
        counted: formatQuantity(draft.quantity),
        difference: formatQuantity(subtractQuantity(draft.quantity, before)),
        status: 'open',
        resolution: null,
        resolved_at: null,
        resolved_by: null,
        resolution_reason: null,
      })
      .execute()
    await scope.audit({
      action: 'ledger.discrepancy.open',
      entity: 'cs_discrepancy',
      entityId: opened,
      detail: { lotId: lot.id, expected: formatQuantity(before), counted: formatQuantity(draft.quantity) },
    })
  }
  const last = await scope.tx
    .selectFrom('cs_entry')
    .select('hash')
    .where('clinic_id', '=', scope.clinicId)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst()
  const prevHash = last?.hash ?? GENESIS_HASH
  const row = {
    id,
    clinic_id: scope.clinicId,
    lot_id: lot.id,
    lot_seq: lotSeq + 1,
    kind: draft.kind,
    quantity: formatQuantity(draft.quantity),
    change: formatQuantity(change),
    balance_after: formatQuantity(after),
    actor_user_id: scope.principal.userId,
    actor_name: scope.principal.displayName,
    witness_user_id: draft.witness?.userId ?? null,
    witness_name: draft.witness?.name ?? null,
    witness_signature_hash: draft.witness?.signatureHash ?? null,
    reason: draft.reason ?? null,
    session_id: draft.sessionId ?? null,
    patient_id: draft.patientId ?? null,
    discrepancy_id: discrepancyId,
    expected: draft.kind === 'count' ? formatQuantity(before) : null,
    counted: draft.kind === 'count' ? formatQuantity(draft.quantity) : null,
    detail: (draft.detail ?? {}) as Record<string, unknown>,
    at: draft.at ?? scope.now,
    recorded_at: scope.now,
  }
  const hash = chainHash(prevHash, entryContent(row))
  await scope.tx
    .insertInto('cs_entry')
    .values({ ...row, detail: JSON.stringify(row.detail), prev_hash: prevHash, hash })
    .execute()
  // The audit event carries the entry's hash, so the audit chain also anchors the ledger's head.
  await scope.audit({
    action: `ledger.${draft.kind}`,
    entity: 'cs_entry',
    entityId: id,
    detail: {
      lotId: lot.id,
      lotNumber: lot.lot_number,
      quantity: row.quantity,
      balanceAfter: row.balance_after,
      hash,
    },
  })
  const entry = await scope.tx
    .selectFrom('cs_entry')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirstOrThrow()
  return { entry, balanceBefore: before, discrepancyId: opened }
}
