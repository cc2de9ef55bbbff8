import { DomainValidationError } from '../errors'

/**
 * Hard limits on what the dose and PK tools accept: physiologically impossible or absurd input is
 * refused outright, naming the field. These are typo guards, not clinical thresholds (those are
 * clinic settings, e.g. the titration ceiling, §2): a value inside them can still need a warning
 * or a prescriber's override.
 */
export interface InputLimit {
  min: number
  max: number
  /** True when `min` itself is not allowed (a dose of 0 mg/kg is no dose). */
  isMinExclusive?: boolean
  unit: string
}

export const inputLimits = {
  // Adults: below 20 kg or above 350 kg is a mistyped weight (or pounds), not a patient to dose.
  weightKg: { min: 20, max: 350, unit: 'kg' },
  // Adult heights; the Devine formula is only defined from 152.4 cm and is extrapolated below (§2).
  heightCm: { min: 100, max: 250, unit: 'cm' },
  // 3 mg/kg is three times the ⚠️ 1.0 mg/kg titration ceiling and four times the top of the studied
  // range (0.75 mg/kg, §2): anything above is a typo (mg for mg/kg), never a dose to compute.
  doseMgPerKg: { min: 0, max: 3, isMinExclusive: true, unit: 'mg/kg' },
  // Studied infusions ran 2–100 min (§2); 1–240 min leaves room for a clinic's own protocol while
  // refusing seconds or hours typed as minutes.
  infusionMin: { min: 1, max: 240, unit: 'min' },
  // Racemic ketamine vials are 10, 50 and 100 mg/mL; diluted bags go down to about 0.1 mg/mL.
  vialMgPerMl: { min: 0.1, max: 100, unit: 'mg/mL' },
  // PK prediction window: up to 48 h covers esketamine's 7–12 h half-life several times (§3, §5).
  untilMin: { min: 1, max: 2880, unit: 'min' },
  stepMin: { min: 0.1, max: 240, unit: 'min' },
  // Esketamine: 1–3 devices of 28 mg per session (56 mg = 2, 84 mg = 3; §3).
  deviceCount: { min: 1, max: 3, unit: 'devices' },
} as const satisfies Record<string, InputLimit>

export type LimitedInput = keyof typeof inputLimits

export function describeLimit(limit: InputLimit): string {
  return limit.isMinExclusive
    ? `must be more than ${limit.min} and at most ${limit.max} ${limit.unit}`
    : `must be from ${limit.min} to ${limit.max} ${limit.unit}`
}

export function isWithinLimit(value: number, limit: InputLimit): boolean {
  if (!Number.isFinite(value)) return false
  const isAboveMin = limit.isMinExclusive ? value > limit.min : value >= limit.min
  return isAboveMin && value <= limit.max
}

/** Returns the value, or throws naming `field` (default: the limit's own name) and the range. */
export function checkInput(input: LimitedInput, value: number, field: string = input): number {
  const limit: InputLimit = inputLimits[input]
  if (!isWithinLimit(value, limit)) {
    throw new DomainValidationError(field, `${describeLimit(limit)} (got ${value})`)
  }
  return value
}
