import { DomainValidationError } from '../errors'

// Controlled-substance ledger settings (clinical-reference §8). Two-person witnessing of
// partial-vial waste comes from state or institution rules, not federal law (⚠️): on by default,
// a clinic may turn it off. Witnessed breakage and destruction stay witnessed regardless.

export interface LedgerSettings {
  /** A second authorised person re-authenticates to witness every waste entry. */
  wasteWitnessRequired: boolean
  /** Lots expiring within this many days are flagged on stock screens (a practice default, 🔶). */
  expiryWarningDays: number
}

export const DEFAULT_LEDGER_SETTINGS: LedgerSettings = {
  wasteWitnessRequired: true,
  expiryWarningDays: 60,
}

export function validateLedgerSettings(settings: LedgerSettings): void {
  if (!Number.isInteger(settings.expiryWarningDays) || settings.expiryWarningDays < 0)
    throw new DomainValidationError('ledger.expiryWarningDays', 'must be a whole number of days ≥ 0')
}
