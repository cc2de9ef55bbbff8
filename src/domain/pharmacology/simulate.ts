import { computeModalResponse, type ModalResponse } from './modal-response'
import { type PkModel, parametersForPatient } from './models'
import { type DoseEvent, planSegments, type SegmentPlan, type TimeGrid, validateRegimen } from './regimen'

export interface PkCurve {
  tMin: Float64Array
  plasmaNgPerMl: Float64Array
  effectNgPerMl: Float64Array
}

export interface SimulatePkInput {
  model: PkModel
  weightKg: number
  events: readonly DoseEvent[]
  grid: TimeGrid
}

/** A single constant-rate IV infusion, the standard §2 regimen shape (e.g. 0.5 mg/kg over 40 min). */
export function ivInfusion(doseMg: number, durationMin: number, startMin = 0): DoseEvent[] {
  return [{ kind: 'infusion', startMin, durationMin, doseMg }]
}

/**
 * Walks the segment plan with the exact per-mode update: over Δ at constant rate R,
 * state ← state·e^(−rΔ) + R·input·(1 − e^(−rΔ))/r. This is the analytic solution, not an
 * integrator: the result does not depend on the grid step.
 */
export function simulateModes(modes: ModalResponse, plan: SegmentPlan): PkCurve {
  const n = modes.compartmentCount
  const modeCount = n + 1
  const { ratesPerMin: rates, inputNgPerMlPerMg: input, effectWeight } = modes
  const stepMin = plan.tMin.length > 1 ? plan.tMin[1]! - plan.tMin[0]! : 0
  const stdDecay = new Float64Array(modeCount)
  const stdGain = new Float64Array(modeCount)
  for (let m = 0; m < modeCount; m++) {
    stdDecay[m] = Math.exp(-rates[m]! * stepMin)
    stdGain[m] = (input[m]! * (1 - stdDecay[m]!)) / rates[m]!
  }
  const state = new Float64Array(modeCount)
  const points = plan.tMin.length
  const plasma = new Float64Array(points)
  const effect = new Float64Array(points)

  for (let s = 0; s < plan.count; s++) {
    const d = plan.durationMin[s]!
    const rate = plan.rateMgPerMin[s]!
    if (d > 0) {
      const isStandard = Math.abs(d - stepMin) <= 1e-9 * stepMin
      for (let m = 0; m < modeCount; m++) {
        if (isStandard) state[m] = state[m]! * stdDecay[m]! + rate * stdGain[m]!
        else {
          const decay = Math.exp(-rates[m]! * d)
          state[m] = state[m]! * decay + (rate * input[m]! * (1 - decay)) / rates[m]!
        }
      }
    }
    const bolus = plan.bolusMgAtEnd[s]!
    if (bolus !== 0) for (let m = 0; m < modeCount; m++) state[m] = state[m]! + bolus * input[m]!
    const k = plan.outputIndex[s]!
    if (k >= 0) {
      let cp = 0
      for (let m = 0; m < n; m++) cp += state[m]!
      let ce = 0
      for (let m = 0; m < modeCount; m++) ce += state[m]! * effectWeight[m]!
      // The true values are ≥ 0; sums of mixed-sign exponentials can round to −1e−16.
      plasma[k] = Math.max(cp, 0)
      effect[k] = Math.max(ce, 0)
    }
  }
  return { tMin: plan.tMin, plasmaNgPerMl: plasma, effectNgPerMl: effect }
}

/** Plasma and effect-site concentration (ng/mL) of one patient over a time grid. */
export function simulatePk(input: SimulatePkInput): PkCurve {
  const modes = computeModalResponse(parametersForPatient(input.model, input.weightKg))
  return simulateModes(modes, planSegments(input.events, input.grid))
}

/**
 * Direct superposition of the analytic unit responses at one time, independent of any grid.
 * Used to cross-check the grid walk and for single look-ups (e.g. "level at end of infusion").
 */
export function concentrationAt(
  modes: ModalResponse,
  events: readonly DoseEvent[],
  tMin: number,
): { plasmaNgPerMl: number; effectNgPerMl: number } {
  validateRegimen(events)
  const n = modes.compartmentCount
  let cp = 0
  let ce = 0
  for (const e of events) {
    for (let m = 0; m <= n; m++) {
      const r = modes.ratesPerMin[m]!
      const u = modes.inputNgPerMlPerMg[m]!
      let contribution = 0
      if (e.kind === 'bolus') {
        if (tMin >= e.atMin) contribution = e.doseMg * u * Math.exp(-r * (tMin - e.atMin))
      } else if (tMin > e.startMin) {
        const rate = e.doseMg / e.durationMin
        const sinceStart = tMin - e.startMin
        const sinceEnd = Math.max(0, tMin - e.startMin - e.durationMin)
        contribution = ((rate * u) / r) * (Math.exp(-r * sinceEnd) - Math.exp(-r * sinceStart))
      }
      if (m < n) cp += contribution
      ce += contribution * modes.effectWeight[m]!
    }
  }
  return { plasmaNgPerMl: Math.max(0, cp), effectNgPerMl: Math.max(0, ce) }
}
