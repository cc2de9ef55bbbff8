import type { ColumnType, Generated } from 'kysely'

export interface AppUserTable {
  id: string
  organization_id: string
  /** Stored lower-case; unique across the installation. */
  email: string
  display_name: string
  password_hash: string
  is_active: Generated<boolean>
  failed_login_count: Generated<number>
  /** How many times the account has been locked in a row; each lock doubles the next. */
  lock_count: Generated<number>
  locked_until: Date | null
  last_sign_in_at: Date | null
  created_at: Generated<Date>
  version: ColumnType<number, number | undefined, number>
}
export const tableName = 'app_user'
export type PartialDB = { [tableName]: AppUserTable }
