/** A read-only Today board screen (issue 14): its device token is kept only as a SHA-256 hash. */
export interface BoardDisplayTable {
  id: string
  clinic_id: string
  name: string
  token_hash: string
  created_by: string
  created_at: Date
  last_used_at: Date | null
  last_audited_at: Date | null
  revoked_at: Date | null
  revoked_by: string | null
}
export const tableName = 'board_display'
export type PartialDB = { [tableName]: BoardDisplayTable }
