import { DomainValidationError } from '../errors'

/** An instantaneous dose into the central compartment. */
export interface Bolus {
  kind: 'bolus'
  atMin: number
  doseMg: number
}

/** A constant-rate infusion of doseMg spread evenly over durationMin. */
export interface Infusion {
  kind: 'infusion'
  startMin: number
  durationMin: number
  doseMg: number
}

export type DoseEvent = Bolus | Infusion

/** Output grid: tMin = startMin + k·stepMin for k = 0 … round((untilMin − startMin)/stepMin). */
export interface TimeGrid {
  untilMin: number
  stepMin: number
  startMin?: number
}

/**
 * A regimen flattened into intervals of constant infusion rate, ending at each output time or
 * dose change. Typed arrays so the population loop walks it without allocating.
 */
export interface SegmentPlan {
  /** Time the walk starts from (the earlier of the grid start and the first dose). */
  originMin: number
  count: number
  durationMin: Float64Array
  rateMgPerMin: Float64Array
  /** Bolus given at the end of the segment (mg), after the rate of this segment has run. */
  bolusMgAtEnd: Float64Array
  /** Index into the output grid reached at the end of the segment, or −1. */
  outputIndex: Int32Array
  /** The grid itself. */
  tMin: Float64Array
}

function requireFinite(value: number, field: string, min: number, isStrict: boolean): void {
  if (!Number.isFinite(value) || (isStrict ? value <= min : value < min)) {
    throw new DomainValidationError(field, `must be a number ${isStrict ? '>' : '≥'} ${min}`)
  }
}

export function validateRegimen(events: readonly DoseEvent[]): void {
  events.forEach((e, i) => {
    requireFinite(e.doseMg, `events.${i}.doseMg`, 0, false)
    if (e.kind === 'bolus') requireFinite(e.atMin, `events.${i}.atMin`, -Infinity, false)
    else {
      requireFinite(e.startMin, `events.${i}.startMin`, -Infinity, false)
      requireFinite(e.durationMin, `events.${i}.durationMin`, 0, true)
    }
  })
}

export function gridTimes(grid: TimeGrid): Float64Array {
  const startMin = grid.startMin ?? 0
  requireFinite(grid.stepMin, 'stepMin', 0, true)
  requireFinite(startMin, 'startMin', -Infinity, false)
  requireFinite(grid.untilMin, 'untilMin', startMin, false)
  const steps = Math.round((grid.untilMin - startMin) / grid.stepMin)
  if (steps > 10_000_000) throw new DomainValidationError('stepMin', 'grid would exceed 10 million points')
  const t = new Float64Array(steps + 1)
  // Multiply rather than accumulate so long grids do not drift.
  for (let k = 0; k <= steps; k++) t[k] = startMin + k * grid.stepMin
  return t
}

interface Breakpoint {
  tMin: number
  rateDeltaMgPerMin: number
  bolusMg: number
}

function breakpoints(events: readonly DoseEvent[]): Breakpoint[] {
  const byTime = new Map<number, Breakpoint>()
  const at = (tMin: number) => {
    let bp = byTime.get(tMin)
    if (!bp) {
      bp = { tMin, rateDeltaMgPerMin: 0, bolusMg: 0 }
      byTime.set(tMin, bp)
    }
    return bp
  }
  for (const e of events) {
    if (e.kind === 'bolus') at(e.atMin).bolusMg += e.doseMg
    else {
      const rate = e.doseMg / e.durationMin
      at(e.startMin).rateDeltaMgPerMin += rate
      at(e.startMin + e.durationMin).rateDeltaMgPerMin -= rate
    }
  }
  return [...byTime.values()].sort((a, b) => a.tMin - b.tMin)
}

/** Merges dose changes and output times into one walk. Concentrations are right-continuous: a bolus at an output time is included in that point. */
export function planSegments(events: readonly DoseEvent[], grid: TimeGrid): SegmentPlan {
  validateRegimen(events)
  const tMin = gridTimes(grid)
  const bps = breakpoints(events)
  const originMin = Math.min(tMin[0]!, bps[0]?.tMin ?? Infinity)
  const capacity = tMin.length + bps.length
  const durationMin = new Float64Array(capacity)
  const rateMgPerMin = new Float64Array(capacity)
  const bolusMgAtEnd = new Float64Array(capacity)
  const outputIndex = new Int32Array(capacity).fill(-1)

  let count = 0
  let now = originMin
  let rate = 0
  let b = 0
  let k = 0
  while (k < tMin.length) {
    const nextBp = bps[b]
    const tOut = tMin[k]!
    const isBreakpointFirst = nextBp !== undefined && nextBp.tMin <= tOut
    const end = isBreakpointFirst ? nextBp.tMin : tOut
    durationMin[count] = end - now
    rateMgPerMin[count] = rate
    if (isBreakpointFirst) {
      bolusMgAtEnd[count] = nextBp.bolusMg
      // Clamp the running sum: rounding can leave −1e−17 after an infusion ends.
      rate = Math.abs(rate + nextBp.rateDeltaMgPerMin) < 1e-12 ? 0 : rate + nextBp.rateDeltaMgPerMin
      b++
      if (nextBp.tMin === tOut) outputIndex[count] = k++
    } else {
      outputIndex[count] = k++
    }
    now = end
    count++
  }
  return { originMin, count, durationMin, rateMgPerMin, bolusMgAtEnd, outputIndex, tMin }
}
