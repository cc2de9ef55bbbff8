import type { ClinicTable } from '../db'
import { resolveSuicidalIdeationSettings } from '../domain/instruments'
import { type ClinicRuleSettings, mergeClinicRuleSettings } from '../domain/rules'
import type { Tx } from './context'

type ClinicColumn = keyof ClinicTable & string

/** Columns of one clinic's row (the clinic is known to exist: the caller is scoped to it). */
export function readClinic<C extends ClinicColumn>(tx: Tx, clinicId: string, columns: readonly C[]) {
  return tx.selectFrom('clinic').select(columns).where('id', '=', clinicId).executeTakeFirstOrThrow()
}

/**
 * Clinics' time zones as this process has read them. A clinic's zone is set when it is created and
 * nothing changes it afterwards (no route, command or job updates `clinic.time_zone`), so it is
 * read once rather than in a round trip of its own on every request that needs it.
 */
const timeZones = new Map<string, string>()

/** The clinic's IANA time zone: its days, dates and wall-clock times are read in it (src/domain/time). */
export async function clinicTimeZone(tx: Tx, clinicId: string): Promise<string> {
  let timeZone = timeZones.get(clinicId)
  if (timeZone === undefined) {
    timeZone = (await readClinic(tx, clinicId, ['time_zone'])).time_zone
    timeZones.set(clinicId, timeZone)
  }
  return timeZone
}

/**
 * A clinic's settings merged over the clinical-reference defaults. Every threshold is a setting
 * (design.md §1); the defaults live in the domain beside their § citation, and
 * `src/domain/rules` lists them (`clinic.settings` stores only what a clinic changed).
 */
export interface ClinicSettingsView extends ClinicRuleSettings {
  mfaRequiredRoles: string[]
}

export async function loadClinicSettings(tx: Tx, clinicId: string): Promise<ClinicSettingsView> {
  const row = await readClinic(tx, clinicId, ['settings'])
  const s = row.settings as { mfaRequiredRoles?: string[] }
  const merged = mergeClinicRuleSettings(row.settings)
  return {
    ...merged,
    mfaRequiredRoles: s.mfaRequiredRoles ?? ['admin', 'prescriber'],
    // The item-range and warning ≤ urgent checks of §4 again, in case a value was stored by hand.
    suicidalIdeation: resolveSuicidalIdeationSettings(merged.suicidalIdeation),
  }
}
