import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { getPkModel } from './models'
import { createPercentileTracker, percentilesInPlace } from './percentile'
import { simulatePopulation } from './population'
import { mulberry32, normalSampler } from './random'
import { ivInfusion, simulatePk } from './simulate'

const base = {
  model: getPkModel('domino'),
  weightKg: 70,
  events: ivInfusion(35, 40),
  grid: { untilMin: 120, stepMin: 5 },
  subjectCount: 500,
}

describe('simulatePopulation', () => {
  it('is reproducible for a seed and differs for another', () => {
    const a = simulatePopulation({ ...base, seed: 42 })
    const b = simulatePopulation({ ...base, seed: 42 })
    const c = simulatePopulation({ ...base, seed: 43 })
    expect(Array.from(a.p50PlasmaNgPerMl)).toEqual(Array.from(b.p50PlasmaNgPerMl))
    expect(Array.from(a.p95PlasmaNgPerMl)).toEqual(Array.from(b.p95PlasmaNgPerMl))
    expect(Array.from(a.p50PlasmaNgPerMl)).not.toEqual(Array.from(c.p50PlasmaNgPerMl))
  })

  it('orders the bands p5 ≤ p50 ≤ p95 at every time point', () => {
    fc.assert(
      fc.property(
        fc.integer(),
        fc.constantFrom('domino', 'clements'),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (seed, id, omega) => {
          const bands = simulatePopulation({ ...base, model: getPkModel(id), subjectCount: 51, seed, omega })
          return bands.tMin.every(
            (_, i) =>
              bands.p5PlasmaNgPerMl[i]! <= bands.p50PlasmaNgPerMl[i]! &&
              bands.p50PlasmaNgPerMl[i]! <= bands.p95PlasmaNgPerMl[i]!,
          )
        },
      ),
      { numRuns: 30 },
    )
  })

  it('collapses to the typical curve when ω = 0', () => {
    const bands = simulatePopulation({ ...base, seed: 1, omega: 0, subjectCount: 7 })
    const typical = simulatePk(base)
    bands.tMin.forEach((_, i) => {
      expect(bands.p5PlasmaNgPerMl[i]).toBeCloseTo(typical.plasmaNgPerMl[i]!, 9)
      expect(bands.p95PlasmaNgPerMl[i]).toBeCloseTo(typical.plasmaNgPerMl[i]!, 9)
    })
  })

  it('puts the median near the typical patient and spreads the band with ω', () => {
    const bands = simulatePopulation({ ...base, seed: 7, subjectCount: 4000 })
    const typical = simulatePk(base)
    const endIndex = 8 // 40 min
    expect(bands.p50PlasmaNgPerMl[endIndex]! / typical.plasmaNgPerMl[endIndex]!).toBeGreaterThan(0.9)
    expect(bands.p50PlasmaNgPerMl[endIndex]! / typical.plasmaNgPerMl[endIndex]!).toBeLessThan(1.1)
    expect(bands.p95PlasmaNgPerMl[endIndex]! / bands.p5PlasmaNgPerMl[endIndex]!).toBeGreaterThan(1.3)
  })

  it('rejects a bad subject count, ω or seed', () => {
    expect(() => simulatePopulation({ ...base, seed: 1, subjectCount: 0 })).toThrow(/subjectCount/)
    expect(() => simulatePopulation({ ...base, seed: 1, omega: -0.1 })).toThrow(/omega/)
    expect(() => simulatePopulation({ ...base, seed: 1.5 })).toThrow(/seed/)
  })
})

describe('percentilesInPlace', () => {
  it('matches sorting with type-7 interpolation', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 300 }),
        (values) => {
          const sorted = [...values].sort((a, b) => a - b)
          const expected = [5, 50, 95].map((p) => {
            const h = ((sorted.length - 1) * p) / 100
            const k = Math.floor(h)
            return k + 1 < sorted.length ? sorted[k]! + (h - k) * (sorted[k + 1]! - sorted[k]!) : sorted[k]!
          })
          const out = new Float64Array(3)
          percentilesInPlace(Float64Array.from(values), [5, 50, 95], out)
          return expected.every((e, i) => Math.abs(e - out[i]!) <= 1e-9 * Math.max(1, Math.abs(e)))
        },
      ),
    )
  })
})

describe('createPercentileTracker', () => {
  it('gives exactly the same percentiles as a full select on drifting and jumping columns', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1000, noNaN: true }), { minLength: 1, maxLength: 200 }),
        fc.array(fc.double({ min: -2, max: 2, noNaN: true }), { minLength: 1, maxLength: 20 }),
        (start, drifts) => {
          const tracker = createPercentileTracker(start.length, [5, 50, 95])
          let column = Float64Array.from(start)
          return drifts.every((drift, step) => {
            // Alternate slow drifts (window hits) with jumps (misses and fallbacks).
            column = column.map((v, j) => (step % 3 === 2 ? v * (1 + drift) + j : v * (1 + drift / 100)))
            const fast = new Float64Array(3)
            const exact = new Float64Array(3)
            tracker.compute(column, fast)
            percentilesInPlace(Float64Array.from(column), [5, 50, 95], exact)
            return fast.every((x, i) => x === exact[i])
          })
        },
      ),
    )
  })
})

describe('random', () => {
  it('mulberry32 is deterministic and in [0, 1)', () => {
    const a = mulberry32(9)
    const b = mulberry32(9)
    for (let i = 0; i < 1000; i++) {
      const x = a()
      expect(x).toBe(b())
      expect(x).toBeGreaterThanOrEqual(0)
      expect(x).toBeLessThan(1)
    }
  })

  it('Box–Muller draws have mean ≈ 0 and SD ≈ 1', () => {
    const normal = normalSampler(mulberry32(3))
    const draws = Array.from({ length: 20000 }, normal)
    const mean = draws.reduce((s, x) => s + x, 0) / draws.length
    const sd = Math.sqrt(draws.reduce((s, x) => s + (x - mean) ** 2, 0) / draws.length)
    expect(Math.abs(mean)).toBeLessThan(0.03)
    expect(Math.abs(sd - 1)).toBeLessThan(0.03)
  })
})
