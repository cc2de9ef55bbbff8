import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { computeModalResponse } from './modal-response'
import { getPkModel, type PkModelId, type PkParameters, parametersForPatient } from './models'
import type { DoseEvent } from './regimen'
import { concentrationAt, ivInfusion, simulatePk } from './simulate'

/**
 * Independent reference: classical RK4 on the compartment ODEs in amounts (mg) plus the effect
 * compartment, with a tiny fixed step. Shares nothing with the engine but the parameters.
 */
function rk4Reference(k: PkParameters, events: readonly DoseEvent[], untilMin: number, hMin: number) {
  const rateAt = (t: number) =>
    events.reduce(
      (sum, e) =>
        e.kind === 'infusion' && t >= e.startMin && t < e.startMin + e.durationMin
          ? sum + e.doseMg / e.durationMin
          : sum,
      0,
    )
  const deriv = (t: number, y: number[]) => {
    const [a1, a2, a3, ce] = y as [number, number, number, number]
    const cp = (a1 / k.v1L) * 1000
    return [
      rateAt(t) - (k.k10PerMin + k.k12PerMin + k.k13PerMin) * a1 + k.k21PerMin * a2 + k.k31PerMin * a3,
      k.k12PerMin * a1 - k.k21PerMin * a2,
      k.k13PerMin * a1 - k.k31PerMin * a3,
      k.ke0PerMin * (cp - ce),
    ]
  }
  const out = new Map<number, { plasma: number; effect: number }>()
  let y = [0, 0, 0, 0]
  const steps = Math.round(untilMin / hMin)
  for (let i = 0; i <= steps; i++) {
    const t = i * hMin
    for (const e of events) if (e.kind === 'bolus' && Math.abs(e.atMin - t) < hMin / 2) y[0]! += e.doseMg
    out.set(i, { plasma: (y[0]! / k.v1L) * 1000, effect: y[3]! })
    const k1 = deriv(t, y)
    const k2 = deriv(
      t + hMin / 2,
      y.map((v, j) => v + (hMin / 2) * k1[j]!),
    )
    const k3 = deriv(
      t + hMin / 2,
      y.map((v, j) => v + (hMin / 2) * k2[j]!),
    )
    const k4 = deriv(
      t + hMin,
      y.map((v, j) => v + hMin * k3[j]!),
    )
    y = y.map((v, j) => v + (hMin / 6) * (k1[j]! + 2 * k2[j]! + 2 * k3[j]! + k4[j]!))
  }
  return { at: (tMin: number) => out.get(Math.round(tMin / hMin))! }
}

const models: PkModelId[] = ['domino', 'clements']

describe('simulatePk against an independent RK4 integration', () => {
  for (const id of models) {
    it(`${id}: infusion then bolus, plasma and effect within 0.5 %`, () => {
      const weightKg = 80
      const events: DoseEvent[] = [...ivInfusion(40, 40), { kind: 'bolus', atMin: 60, doseMg: 10 }]
      const params = parametersForPatient(getPkModel(id), weightKg)
      // h = 0.0025 min keeps RK4 far below 0.5 % even for Clements' ke0 = 5.2/min.
      const reference = rk4Reference(params, events, 180, 0.0025)
      const curve = simulatePk({
        model: getPkModel(id),
        weightKg,
        events,
        grid: { untilMin: 180, stepMin: 2.5 },
      })
      curve.tMin.forEach((t, i) => {
        if (t === 0) return
        const ref = reference.at(t)
        expect(Math.abs(curve.plasmaNgPerMl[i]! - ref.plasma)).toBeLessThanOrEqual(0.005 * ref.plasma)
        expect(Math.abs(curve.effectNgPerMl[i]! - ref.effect)).toBeLessThanOrEqual(0.005 * ref.effect + 1e-9)
      })
    })
  }
})

describe('sanity anchor §5', () => {
  // §5: 0.5 mg/kg over 40 min gives an end-of-infusion plasma level "around 180–240 ng/mL" for the
  // two models. With the §5 parameters Domino lands at ~240 and Clements at ~177, so the band is
  // widened by 5 % on each side to keep "around" honest rather than tuning the parameters.
  for (const id of models) {
    it(`${id}: end-of-infusion plasma around 180–240 ng/mL`, () => {
      const curve = simulatePk({
        model: getPkModel(id),
        weightKg: 70,
        events: ivInfusion(35, 40),
        grid: { untilMin: 40, stepMin: 40 },
      })
      const endNgPerMl = curve.plasmaNgPerMl[1]!
      expect(endNgPerMl).toBeGreaterThan(180 * 0.95)
      expect(endNgPerMl).toBeLessThan(240 * 1.05)
    })
  }
})

describe('grid walk equals direct superposition', () => {
  it('matches concentrationAt at off-grid event times', () => {
    const events: DoseEvent[] = [
      { kind: 'infusion', startMin: 3.3, durationMin: 17.7, doseMg: 20 },
      { kind: 'bolus', atMin: 12.1, doseMg: 5 },
    ]
    for (const id of models) {
      const model = getPkModel(id)
      const modes = computeModalResponse(parametersForPatient(model, 70))
      const curve = simulatePk({ model, weightKg: 70, events, grid: { untilMin: 60, stepMin: 1 } })
      curve.tMin.forEach((t, i) => {
        const direct = concentrationAt(modes, events, t)
        expect(curve.plasmaNgPerMl[i]).toBeCloseTo(direct.plasmaNgPerMl, 8)
        expect(curve.effectNgPerMl[i]).toBeCloseTo(direct.effectNgPerMl, 8)
      })
    }
  })
})

const eventArb: fc.Arbitrary<DoseEvent> = fc.oneof(
  fc.record({
    kind: fc.constant('bolus' as const),
    atMin: fc.double({ min: 0, max: 100, noNaN: true }),
    doseMg: fc.double({ min: 0, max: 50, noNaN: true }),
  }),
  fc.record({
    kind: fc.constant('infusion' as const),
    startMin: fc.double({ min: 0, max: 100, noNaN: true }),
    durationMin: fc.double({ min: 0.5, max: 100, noNaN: true }),
    doseMg: fc.double({ min: 0, max: 100, noNaN: true }),
  }),
)
const regimenArb = fc.array(eventArb, { minLength: 1, maxLength: 4 })
const modelArb = fc.constantFrom(...models)
const grid = { untilMin: 240, stepMin: 5 }
const run = (id: PkModelId, events: DoseEvent[]) =>
  simulatePk({ model: getPkModel(id), weightKg: 70, events, grid })
const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b))

describe('properties', () => {
  it('linearity: doubling every dose doubles the concentrations', () => {
    fc.assert(
      fc.property(modelArb, regimenArb, (id, events) => {
        const single = run(id, events)
        const double = run(
          id,
          events.map((e) => ({ ...e, doseMg: 2 * e.doseMg })),
        )
        return (
          single.plasmaNgPerMl.every((c, i) => close(2 * c, double.plasmaNgPerMl[i]!)) &&
          single.effectNgPerMl.every((c, i) => close(2 * c, double.effectNgPerMl[i]!))
        )
      }),
    )
  })

  it('superposition: two regimens simulated apart sum to the combined regimen', () => {
    fc.assert(
      fc.property(modelArb, regimenArb, regimenArb, (id, a, b) => {
        const ca = run(id, a)
        const cb = run(id, b)
        const both = run(id, [...a, ...b])
        return (
          both.plasmaNgPerMl.every((c, i) => close(c, ca.plasmaNgPerMl[i]! + cb.plasmaNgPerMl[i]!)) &&
          both.effectNgPerMl.every((c, i) => close(c, ca.effectNgPerMl[i]! + cb.effectNgPerMl[i]!))
        )
      }),
    )
  })

  it('concentrations are never negative', () => {
    fc.assert(
      fc.property(modelArb, regimenArb, (id, events) => {
        const c = run(id, events)
        return c.plasmaNgPerMl.every((x) => x >= 0) && c.effectNgPerMl.every((x) => x >= 0)
      }),
    )
  })
})

describe('modal response', () => {
  it('a bolus starts at dose/V1 in plasma and 0 at the effect site', () => {
    for (const id of models) {
      const params = parametersForPatient(getPkModel(id), 70)
      const modes = computeModalResponse(params)
      const plasmaAt0 = modes.inputNgPerMlPerMg.slice(0, modes.compartmentCount).reduce((s, x) => s + x, 0)
      expect(plasmaAt0).toBeCloseTo(1000 / params.v1L, 9)
      const effectAt0 = modes.inputNgPerMlPerMg.reduce((s, x, m) => s + x * modes.effectWeight[m]!, 0)
      expect(Math.abs(effectAt0)).toBeLessThan(1e-9)
    }
  })

  it('eigenvalues solve the characteristic equation of the Domino rate matrix', () => {
    const k = parametersForPatient(getPkModel('domino'), 70)
    const modes = computeModalResponse(k)
    expect(modes.compartmentCount).toBe(3)
    for (const lambda of modes.ratesPerMin.slice(0, 3)) {
      // det(M + λI) for M the amount rate matrix, expanded along the first row.
      const a = -(k.k10PerMin + k.k12PerMin + k.k13PerMin) + lambda
      const d =
        a * (-k.k21PerMin + lambda) * (-k.k31PerMin + lambda) -
        k.k21PerMin * k.k12PerMin * (-k.k31PerMin + lambda) -
        k.k31PerMin * k.k13PerMin * (-k.k21PerMin + lambda)
      expect(Math.abs(d)).toBeLessThan(1e-12)
    }
  })

  it('rejects invalid input with a named field', () => {
    expect(() => simulatePk({ model: getPkModel('domino'), weightKg: -1, events: [], grid })).toThrow(
      /weightKg/,
    )
    expect(() =>
      simulatePk({
        model: getPkModel('domino'),
        weightKg: 70,
        events: [],
        grid: { untilMin: 10, stepMin: 0 },
      }),
    ).toThrow(/stepMin/)
    expect(() => getPkModel('marsh')).toThrow(/model/)
    expect(() => run('domino', [{ kind: 'infusion', startMin: 0, durationMin: 0, doseMg: 1 }])).toThrow(
      /durationMin/,
    )
  })
})
