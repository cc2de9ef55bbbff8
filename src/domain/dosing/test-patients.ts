import { calculateIvDose } from './dose'

// Devine for a 185 cm man: 50 + 2.3 × (72.83 − 60) = 79.5 kg, far above his actual 45 kg.
export const underweightTall = { weightKg: 45, heightCm: 185, sex: 'M' as const }

/** A 40-minute IV dose for the underweight tall patient on his ideal weight, the signed override given. */
export function idealWeightOverrideDose(doseMgPerKg: number) {
  return calculateIvDose({
    doseMgPerKg,
    infusionMin: 40,
    body: underweightTall,
    basis: 'ideal',
    isAboveActualAllowed: true,
  })
}
