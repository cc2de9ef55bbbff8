import { describe, expect, it } from 'vitest'
import { esketamineKiUm, ngPerMlToMicromolar, nmdaOccupancy, racemicKetamineKiUm } from './receptor'

describe('receptor', () => {
  it('converts ng/mL to µM with 237.7 g/mol (§5: 185 ng/mL ≈ 0.78 µM)', () => {
    expect(ngPerMlToMicromolar(185)).toBeCloseTo(0.778, 3)
  })

  it('uses a racemic Ki between the two enantiomers', () => {
    expect(racemicKetamineKiUm).toBeCloseTo(0.494, 3)
  })

  it('gives half occupancy at C = Ki and stays within 0–1', () => {
    expect(nmdaOccupancy(esketamineKiUm * 237.7, esketamineKiUm)).toBeCloseTo(0.5, 12)
    expect(nmdaOccupancy(0)).toBe(0)
    expect(nmdaOccupancy(1e9)).toBeLessThan(1)
  })

  it('rejects a non-positive Ki or a negative concentration', () => {
    expect(() => nmdaOccupancy(100, 0)).toThrow(/kiUm/)
    expect(() => nmdaOccupancy(-1)).toThrow(/concentrationNgPerMl/)
  })
})
