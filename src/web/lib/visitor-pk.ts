import { checkInput } from '../../domain/dosing'
import { ivInfusion, nmdaOccupancy, pkModels, simulatePk } from '../../domain/pharmacology'

// The public PK view's numbers: the real engine (clinical-reference §5, Domino model) for an
// illustrative adult. The dose is per kg and Domino's volumes scale with weight, so the predicted
// level does not depend on the weight chosen. A model, never a measurement.
const illustrativeWeightKg = 70
export const visitorPkUntilMin = 240
const stepMin = 2

export interface VisitorPkPoint {
  t: number
  plasma: number
  /** Illustrative NMDA receptor block, % (C / (C + Ki)). */
  block: number
}

/** Refuses impossible input (issue 12) with a DomainValidationError naming the field. */
export function simulateForVisitor(doseMgPerKg: number, infusionMin: number) {
  checkInput('doseMgPerKg', doseMgPerKg)
  checkInput('infusionMin', infusionMin)
  const curve = simulatePk({
    model: pkModels.domino,
    weightKg: illustrativeWeightKg,
    events: ivInfusion(doseMgPerKg * illustrativeWeightKg, infusionMin),
    grid: { untilMin: visitorPkUntilMin, stepMin },
  })
  const points: VisitorPkPoint[] = []
  let peakNgPerMl = 0
  for (const [i, t] of curve.tMin.entries()) {
    const plasma = curve.plasmaNgPerMl[i] ?? 0
    peakNgPerMl = Math.max(peakNgPerMl, plasma)
    points.push({ t, plasma: Math.round(plasma), block: Math.round(nmdaOccupancy(plasma) * 1000) / 10 })
  }
  const at2hNgPerMl = curve.plasmaNgPerMl[120 / stepMin] ?? 0
  return { points, peakNgPerMl, peakBlock: nmdaOccupancy(peakNgPerMl), at2hNgPerMl }
}
