import { describe, expect, it } from 'vitest'
import { calculateIvDose, defaultDoseSettings } from './dose'
import { planDoseFindings, uncoveredLimits } from './dose-limits'
import { checkInput, inputLimits, isWithinLimit } from './input-limits'
import { idealWeightOverrideDose } from './test-patients'

describe('§2 dose limits of a plan', () => {
  it('within the ceiling on actual weight needs no override', () => {
    expect(
      planDoseFindings(
        { doseMgPerKg: 0.5, maxDoseMgPerKg: 1, isAboveActualAllowed: false },
        defaultDoseSettings,
      ),
    ).toEqual([])
  })

  it('§2: a dose or titration limit above the ceiling, or dosing above actual weight, names its field', () => {
    const findings = planDoseFindings(
      { doseMgPerKg: 1.2, maxDoseMgPerKg: 1.5, isAboveActualAllowed: true },
      defaultDoseSettings,
    )
    expect(findings.map((f) => [f.field, f.limit])).toEqual([
      ['doseMgPerKg', 'titration-ceiling'],
      ['maxDoseMgPerKg', 'titration-ceiling'],
      ['doseAboveActualWeight', 'dosing-weight-above-actual'],
    ])
  })

  it('§2: an ideal-weight plan above actual weight is judged at the latest weight too', () => {
    const dose = idealWeightOverrideDose(0.8)
    const findings = planDoseFindings(
      { doseMgPerKg: 0.8, maxDoseMgPerKg: 1, isAboveActualAllowed: true },
      defaultDoseSettings,
      dose,
    )
    expect(findings.map((f) => f.limit)).toEqual(['dosing-weight-above-actual', 'titration-ceiling'])
    expect(findings[1]!.message).toMatch(/1\.41 mg\/kg of actual weight/)
  })
})

describe('§2 a session dose against the plan override', () => {
  const dose12 = calculateIvDose({ doseMgPerKg: 1.2, infusionMin: 40, body: { weightKg: 70 } })

  it('without an override, above the ceiling is uncovered', () => {
    expect(uncoveredLimits(dose12, null).map((f) => f.limit)).toEqual(['titration-ceiling'])
  })

  it("the plan's signed ceiling override covers doses up to its titration limit, not beyond", () => {
    expect(uncoveredLimits(dose12, { limits: ['titration-ceiling'], upToMgPerKgOfActual: 1.2 })).toEqual([])
    const found = uncoveredLimits(dose12, { limits: ['titration-ceiling'], upToMgPerKgOfActual: 1.1 })
    expect(found[0]!.message).toMatch(/1\.1 mg\/kg the plan's override allows/)
  })

  it('a weight override does not cover the ceiling it leads to', () => {
    const dose = idealWeightOverrideDose(1)
    const found = uncoveredLimits(dose, { limits: ['dosing-weight-above-actual'], upToMgPerKgOfActual: 1 })
    expect(found.map((f) => f.limit)).toEqual(['titration-ceiling'])
  })
})

describe('input limits (issue 12)', () => {
  it('weight 20–350 kg, dose 0 < mg/kg ≤ 3, infusion 1–240 min', () => {
    expect(isWithinLimit(20, inputLimits.weightKg)).toBe(true)
    expect(isWithinLimit(350.1, inputLimits.weightKg)).toBe(false)
    expect(isWithinLimit(0, inputLimits.doseMgPerKg)).toBe(false)
    expect(isWithinLimit(3, inputLimits.doseMgPerKg)).toBe(true)
    expect(isWithinLimit(Number.NaN, inputLimits.infusionMin)).toBe(false)
    expect(() => checkInput('infusionMin', 241, 'infusion-min')).toThrow(
      /infusion-min: must be from 1 to 240 min/,
    )
  })

  it('the hard dose maximum is well above the ceiling default', () => {
    expect(inputLimits.doseMgPerKg.max).toBeGreaterThanOrEqual(
      2 * defaultDoseSettings.titrationCeilingMgPerKg,
    )
  })
})
