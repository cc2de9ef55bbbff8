import type { ColumnType } from 'kysely'

export type CsDrug = 'racemic-ketamine' | 'esketamine'
export type CsUnit = 'mL' | 'device'

/** A received lot of a Schedule III drug; immutable once received (clinical-reference §8). */
export interface CsLotTable {
  id: string
  clinic_id: string
  drug: CsDrug
  ndc: string
  product: string
  /** numeric text: mg per mL (vials) or mg per device */
  strength_mg: string
  unit: CsUnit
  /** numeric text: mL per vial, or devices per package */
  units_per_container: string
  lot_number: string
  /** 'YYYY-MM-DD' */
  expires_on: string
  container_numbers: ColumnType<string[], string[] | undefined, never>
  supplier_name: string
  supplier_address: string
  supplier_dea: string
  invoice_number: string
  received_at: Date
  received_by: string
  witness_user_id: string | null
  created_at: Date
}
export const tableName = 'cs_lot'
export type PartialDB = { [tableName]: CsLotTable }
