import type { ColumnType, Generated, JSONColumnType } from 'kysely'

/** Clinic settings; every clinical threshold will live here with its clinical-reference default. */
export interface ClinicSettings {
  /** Roles that must pass TOTP at sign-in (design.md §6: prescribers at least). */
  mfaRequiredRoles?: string[]
  [key: string]: unknown
}

export interface ClinicTable {
  id: string
  organization_id: string
  name: string
  time_zone: string
  dea_registration: string | null
  /** The number patients are told to call (portal crisis screen, discharge sheet); migration 022. */
  phone: ColumnType<string | null, string | null | undefined, string | null>
  settings: JSONColumnType<ClinicSettings, string, string>
  created_at: Generated<Date>
  version: ColumnType<number, number | undefined, number>
}
export const tableName = 'clinic'
export type PartialDB = { [tableName]: ClinicTable }
