import { DomainValidationError } from '../errors'

// Ketamine free base, §5: 274.2 (esketamine HCl) − 36.46 (HCl).
export const ketamineMolarMassGPerMol = 237.7

// §5 🔶 [³H]MK-801 binding: (S)-ketamine 0.30 µM, (R)-ketamine 1.4 µM.
export const esketamineKiUm = 0.3
export const arketamineKiUm = 1.4

/**
 * Default Ki for racemic ketamine: the two enantiomers at half the concentration each compete for
 * one site, so C/2·(1/Ki_S + 1/Ki_R) = C/Ki_eff ⇒ Ki_eff = 2/(1/0.30 + 1/1.4) ≈ 0.49 µM (§5).
 * Norketamine (0.97 µM) is ignored because the §5 models do not predict it. ILLUSTRATIVE only:
 * binding affinity in membranes is not occupancy in a patient, and the UI labels it so.
 */
export const racemicKetamineKiUm = 2 / (1 / esketamineKiUm + 1 / arketamineKiUm)

/** ng/mL equals µg/L; divided by g/mol that is µmol/L. */
export function ngPerMlToMicromolar(concentrationNgPerMl: number): number {
  return concentrationNgPerMl / ketamineMolarMassGPerMol
}

/** Illustrative NMDA receptor occupancy C/(C + Ki), 0–1 (§5: "labelled as such"). */
export function nmdaOccupancy(concentrationNgPerMl: number, kiUm: number = racemicKetamineKiUm): number {
  if (!Number.isFinite(kiUm) || kiUm <= 0)
    throw new DomainValidationError('kiUm', 'must be a positive number')
  if (!Number.isFinite(concentrationNgPerMl) || concentrationNgPerMl < 0) {
    throw new DomainValidationError('concentrationNgPerMl', 'must be a number ≥ 0')
  }
  const cUm = ngPerMlToMicromolar(concentrationNgPerMl)
  return cUm / (cUm + kiUm)
}
