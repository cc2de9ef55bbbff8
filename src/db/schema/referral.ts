import type { ColumnType, JSONColumnType } from 'kysely'

export type ReferralStatus = 'new' | 'contacted' | 'registered' | 'declined'
export type PreferredContact = 'email' | 'phone'

export interface ReferralTable {
  id: string
  clinic_id: string
  received_at: Date
  name: string
  email: string | null
  phone: string | null
  preferred_contact: PreferredContact
  /** The self-check answers as the person sent them (src/domain/self-check). */
  self_check: JSONColumnType<Record<string, unknown>, string, string>
  phq9_total: number
  phq9_item9: number
  is_urgent: boolean
  consent_to_contact: boolean
  status: ColumnType<ReferralStatus, ReferralStatus | undefined, ReferralStatus>
  handled_by: string | null
  handled_at: Date | null
  version: ColumnType<number, number | undefined, number>
}
export const tableName = 'referral'
export type PartialDB = { [tableName]: ReferralTable }
