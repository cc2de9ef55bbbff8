import { sha256Hex } from '../ledger/hash-chain'
import { ageInYearsAt } from '../time'

// De-identified research export (issue 8): the 18 HIPAA Safe Harbor identifiers are never copied
// (names, addresses, dates of birth, contact details, record numbers, free text that may hold
// any of them); each patient gets a pseudonym that cannot be traced back without the export's
// secret, every date of a patient moves by the same secret number of days (intervals between
// visits stay true), and ages over 89 are reported as "90+".

export interface ExportSecret {
  /** Random per export: pseudonyms and date shifts of two exports cannot be linked. */
  salt: string
  /** Largest shift either way, in days. */
  maxShiftDays: number
}

export function researchId(patientId: string, secret: ExportSecret): string {
  return `R-${sha256Hex(`${secret.salt}:id:${patientId}`).slice(0, 16)}`
}

/** A per-patient shift in [−max, +max] days, never 0, from the secret. */
export function dateShiftDays(patientId: string, secret: ExportSecret): number {
  const n = Number.parseInt(sha256Hex(`${secret.salt}:shift:${patientId}`).slice(0, 8), 16)
  const span = secret.maxShiftDays * 2
  const offset = (n % span) - secret.maxShiftDays
  return offset >= 0 ? offset + 1 : offset
}

export function shiftInstant(at: Date, days: number): string {
  return new Date(at.getTime() + days * 86_400_000).toISOString()
}

/** Whole years between a date of birth ('YYYY-MM-DD') and a moment; "90+" above 89 (Safe Harbor). */
export function exportAge(dateOfBirth: string, at: Date): number | '90+' {
  // On the UTC date, not a clinic's: the export spans clinics and keeps the ages earlier exports gave.
  const age = ageInYearsAt(dateOfBirth, at, 'UTC')
  return age > 89 ? '90+' : age
}

export interface SourcePatient {
  id: string
  sex: string
  dateOfBirth: string
  /** Start of care (first approved plan or first session): the age is taken then. */
  firstSeenAt: Date
}

export interface ExportedPatient {
  researchId: string
  sex: string
  ageAtStart: number | '90+'
}

export function deidentifyPatient(p: SourcePatient, secret: ExportSecret): ExportedPatient {
  return {
    researchId: researchId(p.id, secret),
    sex: p.sex,
    ageAtStart: exportAge(p.dateOfBirth, p.firstSeenAt),
  }
}

/** Every string value of a record, for checking that none carries an identifier. */
export function stringValues(value: unknown): string[] {
  if (typeof value === 'string') return [value]
  if (Array.isArray(value)) return value.flatMap(stringValues)
  if (value && typeof value === 'object') return Object.values(value).flatMap(stringValues)
  return []
}
