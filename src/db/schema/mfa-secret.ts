import type { Generated } from 'kysely'

export interface MfaSecretTable {
  user_id: string
  secret_base32: string
  /** Null until the user has proven the authenticator with a first code. */
  confirmed_at: Date | null
  /** Last accepted time step, so one code cannot be replayed. */
  last_used_step: number | null
  created_at: Generated<Date>
}
export const tableName = 'mfa_secret'
export type PartialDB = { [tableName]: MfaSecretTable }
