import { describe, expect, it } from 'vitest'
import { simulateForVisitor } from './visitor-pk'

describe('simulateForVisitor', () => {
  it('puts the standard 0.5 mg/kg over 40 min near the §5 anchor (about 180–240 ng/mL at the end)', () => {
    const result = simulateForVisitor(0.5, 40)
    expect(result.peakNgPerMl).toBeGreaterThan(170)
    expect(result.peakNgPerMl).toBeLessThan(260)
    const atEnd = result.points.find((p) => p.t === 40)!
    expect(atEnd.plasma).toBe(Math.round(result.peakNgPerMl))
    expect(result.at2hNgPerMl).toBeLessThan(result.peakNgPerMl / 3)
  })

  it('rises with the dose and falls with a longer infusion', () => {
    expect(simulateForVisitor(1, 40).peakNgPerMl).toBeGreaterThan(simulateForVisitor(0.5, 40).peakNgPerMl)
    expect(simulateForVisitor(0.5, 100).peakNgPerMl).toBeLessThan(simulateForVisitor(0.5, 40).peakNgPerMl)
    for (const p of simulateForVisitor(0.7, 60).points) {
      expect(p.block).toBeGreaterThanOrEqual(0)
      expect(p.block).toBeLessThan(100)
    }
  })

  it('issue 12: refuses impossible input naming the field', () => {
    expect(() => simulateForVisitor(-0.5, 40)).toThrow(/doseMgPerKg: must be more than 0/)
    expect(() => simulateForVisitor(0.5, 0)).toThrow(/infusionMin: must be from 1 to 240 min/)
  })
})
