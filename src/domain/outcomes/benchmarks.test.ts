import { describe, expect, it } from 'vitest'
import { BENCHMARKS, findBenchmarks } from './benchmarks'

describe('literature benchmarks (§6)', () => {
  it('has unique ids and a source on every figure', () => {
    expect(new Set(BENCHMARKS.map((b) => b.id)).size).toBe(BENCHMARKS.length)
    expect(BENCHMARKS.every((b) => b.source.length > 0)).toBe(true)
  })

  it('filters by metric and timepoint for the dashboard', () => {
    expect(findBenchmarks({ metric: 'response', timepoint: '24h' }).map((b) => b.value)).toEqual([52.2])
    expect(findBenchmarks({ metric: 'remission', treatment: 'ect' }).map((b) => b.value)).toEqual([63])
    expect(findBenchmarks({ metric: 'median-days-to-relapse' })[0]).toMatchObject({ value: 18, unit: 'days' })
  })
})
