export interface ChairTable {
  id: string
  clinic_id: string
  name: string
  is_active: boolean
  created_at: Date
}
export const tableName = 'chair'
export type PartialDB = { [tableName]: ChairTable }
