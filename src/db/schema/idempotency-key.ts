import type { JSONColumnType } from 'kysely'

export interface IdempotencyKeyTable {
  clinic_id: string
  key: string
  request_hash: string
  status_code: number
  response: JSONColumnType<object | null, string, string>
  created_at: Date
}
export const tableName = 'idempotency_key'
export type PartialDB = { [tableName]: IdempotencyKeyTable }
