import type { ClinicScope } from '../../clinic-scope'

/** How pressing an item is: urgent first, then what is due soon, then the rest; `ok` is a clean check. */
export type Urgency = 'urgent' | 'soon' | 'routine' | 'ok'

export interface WorklistItem {
  /** Unique within the list (kind and record id). */
  id: string
  kind: string
  title: string
  /** Who or what it is about: a patient's name and MRN, a user, a lot. */
  subject: string | null
  detail: string | null
  /** When it was raised, or when it is due. */
  at: Date | null
  urgency: Urgency
  /** Where it is done, relative to the clinic's pages (`patients/…?tab=plan`). */
  link: string
  patientId: string | null
}

/** The clinic's today: its date and bounds on the clinic's wall clock (`src/domain/time`). */
export interface DayContext {
  timeZone: string
  today: string
  start: Date
  end: Date
}

export type SectionLoader = (scope: ClinicScope, day: DayContext) => Promise<WorklistItem[]>

export interface NamedPatient {
  given_name: string
  family_name: string
  mrn: string
}

/** An item about one patient, who is named by name and MRN. */
export function patientItem(
  patientId: string,
  patient: NamedPatient,
  item: Omit<WorklistItem, 'subject' | 'patientId'>,
): WorklistItem {
  return { ...item, subject: `${patient.given_name} ${patient.family_name} · MRN ${patient.mrn}`, patientId }
}

/** An item about the clinic itself (settings, accounts, the ledger): no patient named. */
export function clinicItem(
  item: Omit<WorklistItem, 'patientId' | 'subject'> & { subject?: string },
): WorklistItem {
  return { ...item, subject: item.subject ?? null, patientId: null }
}

/** "1 rule", "3 rules": a count and its noun. */
export function countOf(n: number | string, noun: string): string {
  return `${n} ${noun}${Number(n) === 1 ? '' : 's'}`
}

/** "Fri 27 Nov" where the clinic is. */
export function formatDay(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
  }).format(at)
}

/** "14:05" where the clinic is. */
export function formatClock(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit' }).format(at)
}
