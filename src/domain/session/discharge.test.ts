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

/** An esketamine session at 2 h 5 min with every §3 criterion met. */
const esk: DischargeInput = {
  nowMs: min(125),
  route: 'intranasal',
  firstDeviceAtMs: min(0),
  aldreteScore: 10,
  aldreteAtMs: min(30),
  baseline: { systolicMmHg: 125, diastolicMmHg: 80 },
  latestVitals: { takenAtMs: min(70), systolicMmHg: 130, diastolicMmHg: 82 },
  isEscortPresent: true,
  escortPresentSinceMs: min(20),
  baselineMoaas: 5,
  postDoseReadings: [
    { takenAtMs: min(40), moaasScore: 4, spo2Percent: 96 },
    { takenAtMs: min(60), moaasScore: 5, spo2Percent: 97 },
    { takenAtMs: min(70), systolicMmHg: 130, diastolicMmHg: 82, spo2Percent: 98 },
  ],
  dissociationCheck: { isResolved: true, atMs: min(75) },
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
    const r = evaluateDischarge({ ...esk, nowMs: min(90) })
    expect(r.isReady).toBe(false)
    expect(r.criteria.filter((c) => !c.isMet).map((c) => c.id)).toEqual(['observation-time'])
    expect(r.earliestReadyAtMs).toBe(min(120))
    // The latest of the met-since times: the dissociation check at 75 min.
    expect(r.readyWithoutObservationRuleAtMs).toBe(min(75))
    expect(evaluateDischarge({ ...esk, nowMs: min(121) }).isReady).toBe(true)
  })

  it('§3 esketamine: 2 hours met but dissociation unresolved ⇒ not ready', () => {
    const r = evaluateDischarge({ ...esk, dissociationCheck: { isResolved: false, atMs: min(125) } })
    expect(r.isReady).toBe(false)
    expect(r.criteria.find((c) => c.id === 'observation-time')!.isMet).toBe(true)
    const d = r.criteria.find((c) => c.id === 'dissociation-resolved')!
    expect(d.isMet).toBe(false)
    expect(d.reason).toMatch(/not resolved/)
    expect(r.readyWithoutObservationRuleAtMs).toBeNull()
    const none = evaluateDischarge({ ...esk, dissociationCheck: undefined })
    expect(none.isReady).toBe(false)
    expect(none.criteria.find((c) => c.id === 'dissociation-resolved')!.reason).toMatch(
      /No dissociation check/,
    )
  })

  it('§3 esketamine: MOAA/S below the pre-dose baseline ⇒ not ready', () => {
    const r = evaluateDischarge({
      ...esk,
      postDoseReadings: [...esk.postDoseReadings!, { takenAtMs: min(124), moaasScore: 4, spo2Percent: 97 }],
    })
    expect(r.isReady).toBe(false)
    expect(r.criteria.find((c) => c.id === 'sedation-resolved')!.reason).toMatch(/MOAA\/S 4 is below .* 5/)
    // A patient whose own baseline is 4 is back to it at 4.
    expect(
      evaluateDischarge({
        ...esk,
        baselineMoaas: 4,
        postDoseReadings: [...esk.postDoseReadings!, { takenAtMs: min(124), moaasScore: 4, spo2Percent: 97 }],
      }).isReady,
    ).toBe(true)
    // No MOAA/S charted since the dose: not assumed resolved.
    expect(
      evaluateDischarge({
        ...esk,
        postDoseReadings: [{ takenAtMs: min(100), spo2Percent: 98 }],
      }).criteria.find((c) => c.id === 'sedation-resolved')!.isMet,
    ).toBe(false)
  })

  it("§3 esketamine: latest SpO2 below the clinic's threshold ⇒ not ready", () => {
    const low = {
      ...esk,
      postDoseReadings: [...esk.postDoseReadings!, { takenAtMs: min(124), spo2Percent: 91 }],
    }
    const r = evaluateDischarge(low)
    expect(r.isReady).toBe(false)
    expect(r.criteria.find((c) => c.id === 'spo2-acceptable')!.reason).toMatch(/91 % is below 92 %/)
    // The threshold is the clinic's vitals setting.
    expect(evaluateDischarge(low, undefined, { spo2BelowPercent: 90 }).isReady).toBe(true)
    expect(
      evaluateDischarge({ ...esk, postDoseReadings: [] }).criteria.find((c) => c.id === 'spo2-acceptable')!
        .isMet,
    ).toBe(false)
  })

  it('§3 ready-without-time-rule moment: when the last of the other criteria became met', () => {
    // SpO2 dipped at 80 and recovered at 95: the met-since time is the start of the recovered run.
    const r = evaluateDischarge({
      ...esk,
      nowMs: min(100),
      postDoseReadings: [
        { takenAtMs: min(60), moaasScore: 5, spo2Percent: 97 },
        { takenAtMs: min(80), spo2Percent: 90 },
        { takenAtMs: min(95), spo2Percent: 96 },
      ],
    })
    expect(r.criteria.find((c) => c.id === 'spo2-acceptable')!.earliestMetAtMs).toBe(min(95))
    expect(r.readyWithoutObservationRuleAtMs).toBe(min(95))
  })

  it('IV discharge keeps its four criteria (§2)', () => {
    expect(evaluateDischarge(ivBase).criteria).toHaveLength(4)
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
