import type { Generated, JSONColumnType } from 'kysely'
import type { LedgerEntryKind } from '../../domain/ledger'

/** One append-only, hash-chained ledger entry; quantities are mg as numeric text. */
export interface CsEntryTable {
  id: string
  /** Insertion order; the clinic's chain follows it. */
  seq: Generated<string>
  clinic_id: string
  lot_id: string
  /** 1, 2, 3 … per lot; unique, so two writers cannot both extend a lot from the same balance. */
  lot_seq: number
  kind: LedgerEntryKind
  quantity: string
  change: string
  balance_after: string
  actor_user_id: string
  actor_name: string
  witness_user_id: string | null
  witness_name: string | null
  witness_signature_hash: string | null
  reason: string | null
  session_id: string | null
  patient_id: string | null
  discrepancy_id: string | null
  expected: string | null
  counted: string | null
  detail: JSONColumnType<Record<string, unknown>, string, never>
  at: Date
  recorded_at: Date
  prev_hash: string
  hash: string
}
export const tableName = 'cs_entry'
export type PartialDB = { [tableName]: CsEntryTable }
