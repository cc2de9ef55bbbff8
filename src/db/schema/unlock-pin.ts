/** A user's short unlock PIN for their own locked sign-in (issue 14), argon2id-hashed. */
export interface UnlockPinTable {
  user_id: string
  pin_hash: string
  created_at: Date
}
export const tableName = 'unlock_pin'
export type PartialDB = { [tableName]: UnlockPinTable }
