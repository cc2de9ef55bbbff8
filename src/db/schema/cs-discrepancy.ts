import type { ColumnType } from 'kysely'

export type DiscrepancyStatus = 'open' | 'resolved'
export type DiscrepancyResolution = 'adjustment' | 'recount' | 'loss-report'

/** Opened by a count that differs from the balance; closed only by a chained entry. */
export interface CsDiscrepancyTable {
  id: string
  clinic_id: string
  lot_id: string
  opened_at: Date
  opened_by: string
  expected: string
  counted: string
  /** counted − expected */
  difference: string
  status: DiscrepancyStatus
  resolution: DiscrepancyResolution | null
  resolved_at: Date | null
  resolved_by: string | null
  resolution_reason: string | null
  version: ColumnType<number, number | undefined, number>
}
export const tableName = 'cs_discrepancy'
export type PartialDB = { [tableName]: CsDiscrepancyTable }
