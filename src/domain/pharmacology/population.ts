import { DomainValidationError } from '../errors'
import { computeModalResponse } from './modal-response'
import { type PkModel, type PkParameters, parametersForPatient } from './models'
import { createPercentileTracker } from './percentile'
import { mulberry32, normalSampler } from './random'
import { type DoseEvent, planSegments, type TimeGrid } from './regimen'

// §5: log-normal between-subject variability on V1 and clearances, default ω = 0.3 ⚠️ (a setting).
export const defaultBetweenSubjectOmega = 0.3

export interface PopulationInput {
  model: PkModel
  weightKg: number
  events: readonly DoseEvent[]
  grid: TimeGrid
  subjectCount: number
  seed: number
  /** SD of log-normal η on V1, CL and the intercompartmental clearances. */
  omega?: number
}

/** §5: 5th–95th percentile bands of plasma concentration, plus the median. */
export interface PopulationBands {
  tMin: Float64Array
  p5PlasmaNgPerMl: Float64Array
  p50PlasmaNgPerMl: Float64Array
  p95PlasmaNgPerMl: Float64Array
  subjectCount: number
  seed: number
  omega: number
}

/**
 * One virtual patient: V1 and each clearance (CL = k10·V1, Q2 = k12·V1, Q3 = k13·V1) scaled by
 * e^η; peripheral volumes V2 = Q2/k21 and V3 = Q3/k31 stay typical, so rate constants follow.
 */
function drawSubject(typical: PkParameters, omega: number, normal: () => number): PkParameters {
  const v1L = typical.v1L * Math.exp(omega * normal())
  const clLPerMin = typical.k10PerMin * typical.v1L * Math.exp(omega * normal())
  const q2 = typical.k12PerMin * typical.v1L * Math.exp(omega * normal())
  const q3 = typical.k13PerMin * typical.v1L * Math.exp(omega * normal())
  const v2L = typical.k21PerMin > 0 ? (typical.k12PerMin * typical.v1L) / typical.k21PerMin : 0
  const v3L = typical.k31PerMin > 0 ? (typical.k13PerMin * typical.v1L) / typical.k31PerMin : 0
  return {
    v1L,
    k10PerMin: clLPerMin / v1L,
    k12PerMin: q2 / v1L,
    k13PerMin: q3 / v1L,
    k21PerMin: v2L > 0 ? q2 / v2L : 0,
    k31PerMin: v3L > 0 ? q3 / v3L : 0,
    ke0PerMin: typical.ke0PerMin,
  }
}

// The hot loops live in small functions so the engine optimises each on its own.
function advanceStandard(state: Float64Array, decay: Float64Array, gain: Float64Array, rateMgPerMin: number) {
  for (let i = 0; i < state.length; i++) state[i] = state[i]! * decay[i]! + rateMgPerMin * gain[i]!
}

function advanceExact(
  state: Float64Array,
  rates: Float64Array,
  inputs: Float64Array,
  rateMgPerMin: number,
  dMin: number,
) {
  for (let i = 0; i < state.length; i++) {
    const e = Math.exp(-rates[i]! * dMin)
    state[i] = state[i]! * e + (rateMgPerMin * inputs[i]! * (1 - e)) / rates[i]!
  }
}

function sumModes(state: Float64Array, modesPerSubject: number, column: Float64Array) {
  for (let s = 0, i = 0; s < column.length; s++) {
    let cp = 0
    for (let m = 0; m < modesPerSubject; m++, i++) cp += state[i]!
    // The true value is ≥ 0; a sum of mixed-sign exponentials can round to −1e−16.
    column[s] = Math.max(cp, 0)
  }
}

/**
 * Simulates subjectCount virtual patients and returns plasma percentile bands per time point.
 * Time is the outer loop: every subject's modal states advance one step, the column of plasma
 * values is reduced to percentiles and reused, so memory stays O(subjects), not O(subjects × times).
 */
export function simulatePopulation(input: PopulationInput): PopulationBands {
  const omega = input.omega ?? defaultBetweenSubjectOmega
  const subjects = input.subjectCount
  if (!Number.isInteger(subjects) || subjects < 1 || subjects > 1_000_000) {
    throw new DomainValidationError('subjectCount', 'must be an integer from 1 to 1,000,000')
  }
  if (!Number.isFinite(omega) || omega < 0 || omega > 2) {
    throw new DomainValidationError('omega', 'must be a number from 0 to 2')
  }
  if (!Number.isInteger(input.seed)) throw new DomainValidationError('seed', 'must be an integer')
  const typical = parametersForPatient(input.model, input.weightKg)
  const plan = planSegments(input.events, input.grid)
  const stepMin = plan.tMin.length > 1 ? plan.tMin[1]! - plan.tMin[0]! : 0

  const normal = normalSampler(mulberry32(input.seed))
  const n = computeModalResponse(typical).compartmentCount
  // Per subject and plasma mode: rate, input, and the exact one-step decay and infusion gain.
  const rates = new Float64Array(subjects * n)
  const inputs = new Float64Array(subjects * n)
  const decay = new Float64Array(subjects * n)
  const gain = new Float64Array(subjects * n)
  for (let s = 0; s < subjects; s++) {
    const modes = computeModalResponse(drawSubject(typical, omega, normal))
    for (let m = 0; m < n; m++) {
      const i = s * n + m
      rates[i] = modes.ratesPerMin[m]!
      inputs[i] = modes.inputNgPerMlPerMg[m]!
      decay[i] = Math.exp(-rates[i]! * stepMin)
      gain[i] = (inputs[i]! * (1 - decay[i]!)) / rates[i]!
    }
  }

  const state = new Float64Array(subjects * n)
  const column = new Float64Array(subjects)
  const bands = new Float64Array(3)
  const tracker = createPercentileTracker(subjects, [5, 50, 95])
  const points = plan.tMin.length
  const p5 = new Float64Array(points)
  const p50 = new Float64Array(points)
  const p95 = new Float64Array(points)
  const total = subjects * n

  for (let seg = 0; seg < plan.count; seg++) {
    const d = plan.durationMin[seg]!
    const rate = plan.rateMgPerMin[seg]!
    if (d > 0 && Math.abs(d - stepMin) <= 1e-9 * stepMin) advanceStandard(state, decay, gain, rate)
    else if (d > 0) advanceExact(state, rates, inputs, rate, d)
    const bolus = plan.bolusMgAtEnd[seg]!
    if (bolus !== 0) for (let i = 0; i < total; i++) state[i] = state[i]! + bolus * inputs[i]!
    const k = plan.outputIndex[seg]!
    if (k < 0) continue
    sumModes(state, n, column)
    tracker.compute(column, bands)
    p5[k] = bands[0]!
    p50[k] = bands[1]!
    p95[k] = bands[2]!
  }
  return {
    tMin: plan.tMin,
    p5PlasmaNgPerMl: p5,
    p50PlasmaNgPerMl: p50,
    p95PlasmaNgPerMl: p95,
    subjectCount: subjects,
    seed: input.seed,
    omega,
  }
}
