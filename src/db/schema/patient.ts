import type { ColumnType } from 'kysely'

export type PatientSex = 'female' | 'male' | 'other' | 'unknown'

export interface PatientTable {
  id: string
  clinic_id: string
  mrn: string
  given_name: string
  family_name: string
  /** 'YYYY-MM-DD' */
  date_of_birth: string
  sex: PatientSex
  phone: string | null
  email: string | null
  /** One line, composed from the parts below (free text for patients registered before them). */
  address: string | null
  /** Postal address in parts (migration 021), all or none: the DEA administration log needs it (§8). */
  address_street: string | null
  address_city: string | null
  /** USPS two-letter code. */
  address_state: string | null
  /** ZIP or ZIP+4. */
  address_postal_code: string | null
  escort_name: string | null
  escort_phone: string | null
  emergency_contact_name: string | null
  emergency_contact_phone: string | null
  emergency_contact_relation: string | null
  created_at: Date
  created_by: string | null
  updated_at: Date
  version: ColumnType<number, number | undefined, number>
}
export const tableName = 'patient'
export type PartialDB = { [tableName]: PatientTable }
