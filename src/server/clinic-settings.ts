import { resolveSuicidalIdeationSettings } from '../domain/instruments'
import { type ClinicRuleSettings, mergeClinicRuleSettings } from '../domain/rules'
import type { Tx } from './context'

/**
 * A clinic's settings merged over the clinical-reference defaults. Every threshold is a setting
 * (design.md §1); the defaults live in the domain beside their § citation, and
 * `src/domain/rules` lists them (`clinic.settings` stores only what a clinic changed).
 */
export interface ClinicSettingsView extends ClinicRuleSettings {
  mfaRequiredRoles: string[]
}

export async function loadClinicSettings(tx: Tx, clinicId: string): Promise<ClinicSettingsView> {
  const row = await tx
    .selectFrom('clinic')
    .select('settings')
    .where('id', '=', clinicId)
    .executeTakeFirstOrThrow()
  const s = row.settings as { mfaRequiredRoles?: string[] }
  const merged = mergeClinicRuleSettings(row.settings)
  return {
    ...merged,
    mfaRequiredRoles: s.mfaRequiredRoles ?? ['admin', 'prescriber'],
    // The item-range and warning ≤ urgent checks of §4 again, in case a value was stored by hand.
    suicidalIdeation: resolveSuicidalIdeationSettings(merged.suicidalIdeation),
  }
}
