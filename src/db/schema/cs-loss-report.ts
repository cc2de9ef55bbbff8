import type { ColumnType } from 'kysely'

export type LossKind = 'theft' | 'significant-loss' | 'in-transit-loss'

/** A theft or significant loss with its two DEA deadlines (clinical-reference §8). */
export interface CsLossReportTable {
  id: string
  clinic_id: string
  lot_id: string
  /** The `loss` ledger entry that took the quantity off the books. */
  entry_id: string
  discrepancy_id: string | null
  kind: LossKind
  discovered_at: Date
  /** 'YYYY-MM-DD' in the clinic's time zone */
  discovered_on: string
  description: string
  quantity: string
  dea_notice_due_on: string
  form_106_due_on: string
  notice_sent_at: Date | null
  notice_sent_by: string | null
  notice_reference: string | null
  form_106_filed_at: Date | null
  form_106_filed_by: string | null
  form_106_reference: string | null
  created_at: Date
  created_by: string
  version: ColumnType<number, number | undefined, number>
}
export const tableName = 'cs_loss_report'
export type PartialDB = { [tableName]: CsLossReportTable }
