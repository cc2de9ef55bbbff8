/** Which key the TOTP secrets are encrypted under: its id and a sealed check value, never the key. */
export interface SecretKeyringTable {
  id: number
  key_id: string
  /** A fixed text sealed under the key, so start-up can prove the configured key is the right one. */
  check_value: string
  installed_at: Date
  rotated_at: Date | null
}
export const tableName = 'secret_keyring'
export type PartialDB = { [tableName]: SecretKeyringTable }
