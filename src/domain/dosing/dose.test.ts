import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { calculateIvDose, calculateProtocolDose } from './dose'
import { findProtocol, type IvProtocol } from './protocols'

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

  it('warns above the titration ceiling and outside the studied range', () => {
    const dose = calculateIvDose({ doseMgPerKg: 1.2, infusionMin: 40, body: { weightKg: 70 } })
    expect(dose.isAboveCeiling).toBe(true)
    expect(dose.warnings.map((w) => w.code)).toEqual(['above-titration-ceiling', 'outside-studied-dose'])
    expect(dose.warnings[0]!.severity).toBe('confirm')
    const custom = calculateIvDose({
      doseMgPerKg: 1.2,
      infusionMin: 40,
      body: { weightKg: 70 },
      settings: { titrationCeilingMgPerKg: 1.5 },
    })
    expect(custom.isAboveCeiling).toBe(false)
  })

  it('warns on durations outside 2–100 min and dosing weight above actual', () => {
    const dose = calculateIvDose({
      doseMgPerKg: 0.5,
      infusionMin: 120,
      body: { weightKg: 40, heightCm: 185, sex: 'M' },
      basis: 'ideal',
    })
    expect(dose.warnings.map((w) => w.code)).toEqual([
      'outside-studied-duration',
      'dosing-weight-above-actual',
    ])
  })

  it('rejects bad numbers with the field name', () => {
    expect(() => calculateIvDose({ doseMgPerKg: 0, infusionMin: 40, body: { weightKg: 70 } })).toThrow(
      /doseMgPerKg/,
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
