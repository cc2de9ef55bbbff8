import { describe, expect, it } from 'vitest'
import { mulberry32, normalSampler } from '../pharmacology/random'
import { generateSyntheticPatient } from './synthetic'

function population(seed: number, n: number) {
  const uniform = mulberry32(seed)
  const normal = normalSampler(uniform)
  return Array.from({ length: n }, (_, i) => generateSyntheticPatient(i, uniform, normal))
}

describe('synthetic population', () => {
  it('is the same for the same seed and different for another', () => {
    expect(population(7, 5)).toEqual(population(7, 5))
    expect(population(7, 5)).not.toEqual(population(8, 5))
  })

  it('has literature-like rates: about half respond by course end, fewer remit, BP peaks +16 mmHg', () => {
    const people = population(42, 4000)
    const courseEnd = (p: (typeof people)[number]) => p.phq9[3]!
    const responders = people.filter((p) => courseEnd(p).total <= p.phq9[0]!.total / 2).length / people.length
    const remitters = people.filter((p) => courseEnd(p).total < 5).length / people.length
    expect(responders).toBeGreaterThan(0.4)
    expect(responders).toBeLessThan(0.7)
    expect(remitters).toBeLessThan(responders)
    expect(remitters).toBeGreaterThan(0.1)
    const rises = people.flatMap((p) => p.sessions.map((s) => s.vitals[1]![0] - s.vitals[0]![0]))
    const meanRise = rises.reduce((a, b) => a + b, 0) / rises.length
    expect(meanRise).toBeGreaterThan(13)
    expect(meanRise).toBeLessThan(19)
    const nausea =
      people.flatMap((p) => p.sessions).filter((s) => s.sideEffects.some((e) => e.term === 'nausea')).length /
      people.flatMap((p) => p.sessions).length
    expect(nausea).toBeGreaterThan(0.24)
    expect(nausea).toBeLessThan(0.32)
  })
})
