import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { adjustedBodyWeightKg, dosingWeight, idealBodyWeightKg, weightBases } from './body-weight'

describe('body weight (§2)', () => {
  it('Devine ideal weight: 50 kg (M) / 45.5 kg (F) at 60 in, +2.3 kg per inch', () => {
    expect(idealBodyWeightKg(152.4, 'M')).toBeCloseTo(50, 10)
    expect(idealBodyWeightKg(152.4, 'F')).toBeCloseTo(45.5, 10)
    expect(idealBodyWeightKg(177.8, 'M')).toBeCloseTo(73, 10) // 70 in
    expect(idealBodyWeightKg(165.1, 'F')).toBeCloseTo(57, 10) // 65 in
  })

  it('adjusted = IBW + 0.4 × (actual − IBW)', () => {
    expect(adjustedBodyWeightKg(123, 177.8, 'M')).toBeCloseTo(73 + 0.4 * 50, 10)
  })

  it('actual basis needs neither height nor sex', () => {
    expect(dosingWeight({ weightKg: 80 })).toMatchObject({ basis: 'actual', dosingWeightKg: 80 })
  })

  it('ideal and adjusted need height and sex, naming the missing field', () => {
    expect(() => dosingWeight({ weightKg: 80, sex: 'F' }, 'ideal')).toThrow(/heightCm/)
    expect(() => dosingWeight({ weightKg: 80, heightCm: 170 }, 'adjusted')).toThrow(/sex/)
    expect(() => dosingWeight({ weightKg: -5 })).toThrow(/weightKg/)
    expect(() => dosingWeight({ weightKg: 80, heightCm: 60, sex: 'F' }, 'ideal')).toThrow(/heightCm/)
    expect(() => dosingWeight({ weightKg: 500 })).toThrow(/weightKg: must be from 20 to 350 kg/)
  })

  it('§2: the dosing weight is never above actual weight unless an override allows it', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 20, max: 350, noNaN: true }),
        fc.double({ min: 120, max: 250, noNaN: true }),
        fc.constantFrom('F' as const, 'M' as const),
        fc.constantFrom(...weightBases),
        (weightKg, heightCm, sex, basis) => {
          const w = dosingWeight({ weightKg, heightCm, sex }, basis)
          const allowed = dosingWeight({ weightKg, heightCm, sex }, basis, { isAboveActualAllowed: true })
          return (
            w.dosingWeightKg <= weightKg &&
            w.isCappedAtActual === w.basisWeightKg > weightKg &&
            allowed.dosingWeightKg === allowed.basisWeightKg
          )
        },
      ),
    )
  })

  it('adjusted weight lies between ideal and actual', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 30, max: 250, noNaN: true }),
        fc.double({ min: 140, max: 210, noNaN: true }),
        fc.constantFrom('F' as const, 'M' as const),
        (weightKg, heightCm, sex) => {
          const w = dosingWeight({ weightKg, heightCm, sex }, 'adjusted', { isAboveActualAllowed: true })
          const lo = Math.min(w.idealWeightKg!, weightKg)
          const hi = Math.max(w.idealWeightKg!, weightKg)
          return w.dosingWeightKg >= lo - 1e-9 && w.dosingWeightKg <= hi + 1e-9
        },
      ),
    )
  })
})
