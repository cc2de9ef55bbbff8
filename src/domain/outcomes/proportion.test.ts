import { describe, expect, it } from 'vitest'
import { wilsonInterval } from './proportion'

describe('wilsonInterval', () => {
  it('matches a worked example (20 of 50: 0.40, 95 % CI 0.276–0.538)', () => {
    const p = wilsonInterval(20, 50)
    expect(p.rate).toBe(0.4)
    expect(p.lower!).toBeCloseTo(0.276, 3)
    expect(p.upper!).toBeCloseTo(0.5377, 3)
  })
  it('stays within 0–1 at the edges and is empty without a cohort', () => {
    expect(wilsonInterval(0, 10).lower).toBe(0)
    expect(wilsonInterval(10, 10).upper).toBeCloseTo(1, 12)
    expect(wilsonInterval(0, 0).rate).toBeNull()
  })
})
