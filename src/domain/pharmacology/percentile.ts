/**
 * Order statistics without a full sort: quickselect (Wirth's FIND) partitions the array in place so
 * values[k] is the k-th smallest, everything left of it ≤ and right of it ≥. Picking the middle
 * target first and recursing on each side keeps the work near 2N per column for p5/p50/p95.
 */
export function selectInPlace(values: Float64Array, lo: number, hi: number, k: number): void {
  let l = lo
  let r = hi
  while (l < r) {
    const pivot = values[k]!
    let i = l
    let j = r
    do {
      while (values[i]! < pivot) i++
      while (pivot < values[j]!) j--
      if (i <= j) {
        const swap = values[i]!
        values[i] = values[j]!
        values[j] = swap
        i++
        j--
      }
    } while (i <= j)
    if (j < k) l = i
    if (k < i) r = j
  }
}

function selectMany(
  values: Float64Array,
  lo: number,
  hi: number,
  ranks: readonly number[],
  from: number,
  to: number,
) {
  if (from > to || lo > hi) return
  const mid = (from + to) >>> 1
  const k = ranks[mid]!
  selectInPlace(values, lo, hi, k)
  selectMany(values, lo, k - 1, ranks, from, mid - 1)
  selectMany(values, k + 1, hi, ranks, mid + 1, to)
}

/**
 * Percentiles (0–100) by linear interpolation between order statistics (Hyndman–Fan type 7, the
 * default of R and NumPy). Reorders `values`; pass a scratch copy. `percentiles` ascending.
 */
export function percentilesInPlace(
  values: Float64Array,
  percentiles: readonly number[],
  out: Float64Array,
): void {
  const n = values.length
  const lower = percentiles.map((p) => Math.floor(((n - 1) * p) / 100))
  const ranks = [...new Set(lower)].sort((a, b) => a - b)
  selectMany(values, 0, n - 1, ranks, 0, ranks.length - 1)
  percentiles.forEach((p, i) => {
    const h = ((n - 1) * p) / 100
    const k = lower[i]!
    const fraction = h - k
    if (fraction === 0 || k + 1 >= n) {
      out[i] = values[k]!
      return
    }
    // Everything right of k is ≥ values[k], and ranks above k are already in place: the (k+1)-th
    // is the minimum of the stretch up to the next selected rank.
    const nextRank = ranks.find((r) => r > k) ?? n - 1
    let next = values[k + 1]!
    for (let j = k + 2; j <= nextRank; j++) if (values[j]! < next) next = values[j]!
    out[i] = values[k]! + fraction * (next - values[k]!)
  })
}

/**
 * Percentiles of a sequence of columns that change little from one to the next (a concentration
 * band over time). One pass counts values below a window around each percentile's extrapolated
 * position and copies those inside it; selection then runs on the window only (~1/20 of the
 * column). A miss (the rank falls outside the window) falls back to a full select and widens the
 * window, so results are always the exact type-7 percentiles, only the speed depends on coherence.
 */
const scanResult = { below: 0, inside: 0 }

/** Counts values below [lo, hi] and copies those inside; one tight loop per percentile. */
function scanWindow(values: Float64Array, lo: number, hi: number, window: Float64Array) {
  let below = 0
  let inside = 0
  for (let j = 0; j < values.length; j++) {
    const v = values[j]!
    below += v < lo ? 1 : 0
    if (v >= lo && v <= hi) window[inside++] = v
  }
  scanResult.below = below
  scanResult.inside = inside
  return scanResult
}

export interface PercentileTracker {
  compute(values: Float64Array, out: Float64Array): void
}

export function createPercentileTracker(size: number, percentiles: readonly number[]): PercentileTracker {
  const count = percentiles.length
  const lowerRank = percentiles.map((p) => Math.floor(((size - 1) * p) / 100))
  const fraction = percentiles.map((p, i) => ((size - 1) * p) / 100 - lowerRank[i]!)
  const windows = percentiles.map(() => new Float64Array(size))
  const lengths = new Int32Array(count)
  const below = new Int32Array(count)
  const lo = new Float64Array(count)
  const hi = new Float64Array(count)
  const relativeHalfWidth = new Float64Array(count).fill(0.01)
  const last = new Float64Array(count)
  const beforeLast = new Float64Array(count)
  const scratch = new Float64Array(size)
  const single = new Float64Array(1)
  let calls = 0

  return {
    compute(values, out) {
      for (let i = 0; i < count; i++) {
        // Linear extrapolation from the two previous columns; none yet: an empty window forces a miss.
        const center = calls >= 2 ? 2 * last[i]! - beforeLast[i]! : last[i]!
        const halfWidth = calls === 0 ? -1 : relativeHalfWidth[i]! * Math.abs(center) + 1e-12
        lo[i] = center - halfWidth
        hi[i] = center + halfWidth
      }
      for (let i = 0; i < count; i++) {
        const stats = scanWindow(values, lo[i]!, hi[i]!, windows[i]!)
        below[i] = stats.below
        lengths[i] = stats.inside
      }
      for (let i = 0; i < count; i++) {
        const local = lowerRank[i]! - below[i]!
        const needsNext = fraction[i]! > 0 && lowerRank[i]! + 1 < size
        const len = lengths[i]!
        let value: number
        if (local >= 0 && local + (needsNext ? 1 : 0) < len) {
          const window = windows[i]!
          selectInPlace(window, 0, len - 1, local)
          value = window[local]!
          if (needsNext) {
            let next = window[local + 1]!
            for (let j = local + 2; j < len; j++) if (window[j]! < next) next = window[j]!
            value += fraction[i]! * (next - value)
          }
          if (len > size / 20) relativeHalfWidth[i] = Math.max(1e-6, relativeHalfWidth[i]! / 2)
        } else {
          scratch.set(values)
          percentilesInPlace(scratch, [percentiles[i]!], single)
          value = single[0]!
          relativeHalfWidth[i] = Math.min(10, relativeHalfWidth[i]! * 4)
        }
        out[i] = value
        beforeLast[i] = last[i]!
        last[i] = value
      }
      calls++
    },
  }
}
