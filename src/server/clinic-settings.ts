import { DEFAULT_TRD_SETTINGS, type TrdSettings } from '../domain/eligibility'
import { DEFAULT_LEDGER_SETTINGS, type LedgerSettings } from '../domain/ledger'
import type { Tx } from './context'

/**
 * A clinic's settings merged over the clinical-reference defaults. Every threshold is a setting
 * (design.md §1); the defaults live in the domain beside their § citation.
 */
export interface ClinicSettingsView {
  trd: TrdSettings
  mfaRequiredRoles: string[]
  ledger: LedgerSettings
}

export async function loadClinicSettings(tx: Tx, clinicId: string): Promise<ClinicSettingsView> {
  const row = await tx
    .selectFrom('clinic')
    .select('settings')
    .where('id', '=', clinicId)
    .executeTakeFirstOrThrow()
  const s = row.settings as {
    trd?: Partial<TrdSettings>
    mfaRequiredRoles?: string[]
    ledger?: Partial<LedgerSettings>
  }
  return {
    trd: { ...DEFAULT_TRD_SETTINGS, ...(s.trd ?? {}) },
    mfaRequiredRoles: s.mfaRequiredRoles ?? ['admin', 'prescriber'],
    ledger: { ...DEFAULT_LEDGER_SETTINGS, ...(s.ledger ?? {}) },
  }
}
