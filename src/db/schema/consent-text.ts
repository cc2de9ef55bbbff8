export interface ConsentTextTable {
  id: string
  clinic_id: string
  version: number
  title: string
  body: string
  content_hash: string
  created_by: string | null
  created_at: Date
}
export const tableName = 'consent_text'
export type PartialDB = { [tableName]: ConsentTextTable }
