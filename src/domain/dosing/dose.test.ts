import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { weightBases } from './body-weight'
import { calculateIvDose, calculateProtocolDose } from './dose'
import { findProtocol, type IvProtocol } from './protocols'
import { idealWeightOverrideDose, underweightTall } from './test-patients'

const standard = findProtocol('iv-racemic-standard') as IvProtocol

describe('calculateIvDose', () => {
  it('standard 0.5 mg/kg over 40 min for 80 kg: 40 mg at 1 mg/min', () => {
    const dose = calculateProtocolDose(standard, { body: { weightKg: 80 }, vialMgPerMl: 10 })
    expect(dose.doseMg).toBeCloseTo(40, 10)
    expect(dose.rateMgPerMin).toBeCloseTo(1, 10)
    expect(dose.volumeMl).toBeCloseTo(4, 10)
    expect(dose.rateMlPerH).toBeCloseTo(6, 10)
    expect(dose.ceilingMg).toBeCloseTo(80, 10)
    expect(dose.isAboveCeiling).toBe(false)
    expect(dose.warnings).toEqual([])
  })

  it('doses an obese patient on the chosen basis', () => {
    const body = { weightKg: 123, heightCm: 177.8, sex: 'M' as const }
    expect(calculateProtocolDose(standard, { body, basis: 'ideal' }).doseMg).toBeCloseTo(36.5, 10)
    expect(calculateProtocolDose(standard, { body, basis: 'adjusted' }).doseMg).toBeCloseTo(46.5, 10)
    expect(calculateProtocolDose(standard, { body }).doseMg).toBeCloseTo(61.5, 10)
  })

  it('above the titration ceiling needs an override (§2), and warns outside the studied range', () => {
    const dose = calculateIvDose({ doseMgPerKg: 1.2, infusionMin: 40, body: { weightKg: 70 } })
    expect(dose.isAboveCeiling).toBe(true)
    expect(dose.limitsExceeded).toEqual(['titration-ceiling'])
    expect(dose.warnings.map((w) => w.code)).toEqual(['above-titration-ceiling', 'outside-studied-dose'])
    expect(dose.warnings[0]!.severity).toBe('override')
    const custom = calculateIvDose({
      doseMgPerKg: 1.2,
      infusionMin: 40,
      body: { weightKg: 70 },
      settings: { titrationCeilingMgPerKg: 1.5 },
    })
    expect(custom.isAboveCeiling).toBe(false)
  })

  it('warns on durations outside 2–100 min', () => {
    const dose = calculateIvDose({ doseMgPerKg: 0.5, infusionMin: 120, body: { weightKg: 70 } })
    expect(dose.warnings.map((w) => w.code)).toEqual(['outside-studied-duration'])
  })

  it('rejects bad numbers with the field name', () => {
    expect(() => calculateIvDose({ doseMgPerKg: 0, infusionMin: 40, body: { weightKg: 70 } })).toThrow(
      /doseMgPerKg/,
    )
    expect(() => calculateIvDose({ doseMgPerKg: 5, infusionMin: 40, body: { weightKg: 70 } })).toThrow(
      /doseMgPerKg: must be more than 0 and at most 3 mg\/kg/,
    )
    expect(() => calculateIvDose({ doseMgPerKg: 0.5, infusionMin: 0.5, body: { weightKg: 70 } })).toThrow(
      /infusionMin: must be from 1 to 240 min/,
    )
    expect(() => calculateIvDose({ doseMgPerKg: 0.5, infusionMin: 40, body: { weightKg: 19 } })).toThrow(
      /weightKg: must be from 20 to 350 kg/,
    )
    expect(() => calculateIvDose({ doseMgPerKg: 0.5, infusionMin: 40, body: { weightKg: 351 } })).toThrow(
      /weightKg/,
    )
    expect(() =>
      calculateIvDose({ doseMgPerKg: 0.5, infusionMin: Number.NaN, body: { weightKg: 70 } }),
    ).toThrow(/infusionMin/)
    expect(() =>
      calculateIvDose({ doseMgPerKg: 0.5, infusionMin: 40, body: { weightKg: 70 }, vialMgPerMl: -1 }),
    ).toThrow(/vialMgPerMl/)
  })

  it('dose, rate and volume scale linearly and agree with each other', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.05, max: 2, noNaN: true }),
        fc.double({ min: 1, max: 200, noNaN: true }),
        fc.double({ min: 20, max: 250, noNaN: true }),
        fc.double({ min: 1, max: 100, noNaN: true }),
        (doseMgPerKg, infusionMin, weightKg, vialMgPerMl) => {
          const d = calculateIvDose({ doseMgPerKg, infusionMin, body: { weightKg }, vialMgPerMl })
          const rel = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b))
          return (
            rel(d.doseMg, doseMgPerKg * weightKg) &&
            rel(d.rateMgPerMin * infusionMin, d.doseMg) &&
            rel((d.rateMlPerH! / 60) * infusionMin, d.volumeMl!) &&
            d.isAboveCeiling === doseMgPerKg > 1
          )
        },
      ),
    )
  })
})

describe('§2 weight basis: dosing weight never above actual, ceiling on actual weight', () => {
  it('§2: an underweight tall patient on ideal weight is dosed on actual weight', () => {
    const dose = calculateIvDose({ doseMgPerKg: 0.5, infusionMin: 40, body: underweightTall, basis: 'ideal' })
    expect(dose.basisWeightKg).toBeCloseTo(79.52, 2)
    expect(dose.dosingWeightKg).toBe(45)
    expect(dose.isCappedAtActual).toBe(true)
    expect(dose.doseMg).toBeCloseTo(22.5, 10)
    expect(dose.limitsExceeded).toEqual([])
    expect(dose.warnings.map((w) => w.code)).toEqual(['dosing-weight-capped-at-actual'])
  })

  it('§2: the ceiling is judged on actual weight (mg and mg/kg of actual weight)', () => {
    const dose = calculateIvDose({ doseMgPerKg: 1, infusionMin: 40, body: underweightTall, basis: 'ideal' })
    expect(dose.ceilingMg).toBeCloseTo(45, 10)
    expect(dose.doseMgPerKgOfActual).toBeCloseTo(1, 10)
    expect(dose.isAboveCeiling).toBe(false)
    // Only a signed override may dose on the ideal weight; then 79.5 mg is 1.77 mg/kg of actual weight.
    const overridden = idealWeightOverrideDose(1)
    expect(overridden.dosingWeightKg).toBeCloseTo(79.52, 2)
    expect(overridden.doseMgPerKgOfActual).toBeCloseTo(1.767, 3)
    expect(overridden.isAboveCeiling).toBe(true)
    expect(overridden.limitsExceeded).toEqual(['titration-ceiling', 'dosing-weight-above-actual'])
  })

  it('§2: adjusted weight is capped at actual for the underweight, used as is for the obese', () => {
    const thin = calculateIvDose({
      doseMgPerKg: 0.5,
      infusionMin: 40,
      body: underweightTall,
      basis: 'adjusted',
    })
    expect(thin.basisWeightKg).toBeCloseTo(79.52 + 0.4 * (45 - 79.52), 2)
    expect(thin.dosingWeightKg).toBe(45)
    const obese = calculateIvDose({
      doseMgPerKg: 0.5,
      infusionMin: 40,
      body: { weightKg: 123, heightCm: 177.8, sex: 'M' },
      basis: 'adjusted',
    })
    expect(obese.isCappedAtActual).toBe(false)
    expect(obese.dosingWeightKg).toBeCloseTo(93, 10)
    expect(obese.ceilingMg).toBeCloseTo(123, 10)
  })

  it('§2 property: mg/kg of actual weight never exceeds the ceiling without an override flag', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 3, noNaN: true }),
        fc.double({ min: 20, max: 350, noNaN: true }),
        fc.double({ min: 120, max: 250, noNaN: true }),
        fc.constantFrom('F' as const, 'M' as const),
        fc.constantFrom(...weightBases),
        fc.boolean(),
        fc.double({ min: 0.2, max: 2, noNaN: true }),
        (doseMgPerKg, weightKg, heightCm, sex, basis, isAboveActualAllowed, ceiling) => {
          const d = calculateIvDose({
            doseMgPerKg,
            infusionMin: 40,
            body: { weightKg, heightCm, sex },
            basis,
            isAboveActualAllowed,
            settings: { titrationCeilingMgPerKg: ceiling },
          })
          const isOverCeiling = d.doseMg / weightKg > ceiling * (1 + 1e-9)
          const isOverActual = d.dosingWeightKg > weightKg
          return (
            isOverCeiling === d.limitsExceeded.includes('titration-ceiling') &&
            isOverCeiling === d.isAboveCeiling &&
            isOverActual === d.limitsExceeded.includes('dosing-weight-above-actual') &&
            (isAboveActualAllowed || !isOverActual) &&
            d.dosingWeightKg <= Math.max(weightKg, d.basisWeightKg)
          )
        },
      ),
    )
  })
})
