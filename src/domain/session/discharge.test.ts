import { describe, expect, it } from 'vitest'
import { type DischargeInput, evaluateDischarge } from './discharge'

const t0 = Date.UTC(2025, 2, 3, 9, 0)
const min = (m: number) => t0 + m * 60_000

const ivBase: DischargeInput = {
  nowMs: min(75),
  route: 'iv',
  infusionEndedAtMs: min(40),
  aldreteScore: 10,
  baseline: { systolicMmHg: 125, diastolicMmHg: 80 },
  latestVitals: { takenAtMs: min(70), systolicMmHg: 140, diastolicMmHg: 85 },
  isEscortPresent: true,
}

describe('evaluateDischarge', () => {
  it('is ready when every criterion is met', () => {
    const r = evaluateDischarge(ivBase)
    expect(r.isReady).toBe(true)
    expect(r.criteria.map((c) => [c.id, c.isMet])).toEqual([
      ['aldrete', true],
      ['observation-time', true],
      ['vitals-near-baseline', true],
      ['escort-present', true],
    ])
    expect(r.earliestReadyAtMs).toBe(min(75))
  })

  it('IV: 30 min after infusion end by default, reporting when it will be met', () => {
    const r = evaluateDischarge({ ...ivBase, nowMs: min(60) })
    const obs = r.criteria.find((c) => c.id === 'observation-time')!
    expect(obs.isMet).toBe(false)
    expect(obs.earliestMetAtMs).toBe(min(70))
    expect(r.earliestReadyAtMs).toBe(min(70))
    expect(r.readyWithoutObservationRuleAtMs).toBe(min(70))
  })

  it('esketamine: 2 hours from the first device (§3), and the monitoring-form time without it', () => {
    const r = evaluateDischarge({
      ...ivBase,
      route: 'intranasal',
      firstDeviceAtMs: min(0),
      infusionEndedAtMs: undefined,
      nowMs: min(90),
    })
    expect(r.isReady).toBe(false)
    expect(r.earliestReadyAtMs).toBe(min(120))
    expect(r.readyWithoutObservationRuleAtMs).toBe(min(90))
  })

  it('explains unmet Aldrete, vitals and escort; their time is unknown', () => {
    const r = evaluateDischarge({
      ...ivBase,
      aldreteScore: 8,
      latestVitals: { takenAtMs: min(70), systolicMmHg: 150 },
      isEscortPresent: false,
    })
    expect(r.criteria.filter((c) => !c.isMet).map((c) => c.id)).toEqual([
      'aldrete',
      'vitals-near-baseline',
      'escort-present',
    ])
    expect(r.criteria[0]!.reason).toMatch(/8.*≥ 9/)
    expect(r.earliestReadyAtMs).toBeNull()
  })

  it('uses settings and rejects an impossible Aldrete score', () => {
    expect(
      evaluateDischarge(
        { ...ivBase, aldreteScore: 8 },
        {
          minAldreteScore: 8,
          ivMinObservationMin: 30,
          esketamineMinObservationMin: 120,
          systolicToleranceMmHg: 20,
          diastolicToleranceMmHg: 20,
        },
      ).isReady,
    ).toBe(true)
    expect(() => evaluateDischarge({ ...ivBase, aldreteScore: 11 })).toThrow(/aldreteScore/)
  })
})
