import type { ColumnType, Generated } from 'kysely'
import type { StaffRole } from '../../domain/access/permissions'

export interface MembershipTable {
  id: string
  clinic_id: string
  user_id: string
  role: StaffRole
  is_active: Generated<boolean>
  created_at: Generated<Date>
  version: ColumnType<number, number | undefined, number>
}
export const tableName = 'membership'
export type PartialDB = { [tableName]: MembershipTable }
