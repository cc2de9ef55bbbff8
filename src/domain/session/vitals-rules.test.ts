import { describe, expect, it } from 'vitest'
import {
  evaluateIntraSessionVitals,
  evaluatePreDoseVitals,
  nextVitalsDue,
  type VitalsReading,
} from './vitals-rules'
import { defaultVitalsSettings } from './vitals-settings'

const t0 = Date.UTC(2025, 2, 3, 9, 0)
const at = (min: number, v: Omit<VitalsReading, 'takenAtMs'>): VitalsReading => ({
  takenAtMs: t0 + min * 60_000,
  ...v,
})
const codes = (alerts: { code: string }[]) => alerts.map((a) => a.code)

describe('evaluatePreDoseVitals (§2 ⚠️)', () => {
  it('passes 140/90, defers above it, refuses above 180/110', () => {
    expect(evaluatePreDoseVitals(at(0, { systolicMmHg: 140, diastolicMmHg: 90 }))).toEqual([])
    expect(codes(evaluatePreDoseVitals(at(0, { systolicMmHg: 141, diastolicMmHg: 80 })))).toEqual([
      'pre-dose-bp-defer',
    ])
    expect(codes(evaluatePreDoseVitals(at(0, { systolicMmHg: 130, diastolicMmHg: 111 })))).toEqual([
      'pre-dose-bp-no-start',
    ])
  })

  it('uses clinic settings', () => {
    const settings = { ...defaultVitalsSettings, preDoseDeferAbove: { systolicMmHg: 150, diastolicMmHg: 95 } }
    expect(evaluatePreDoseVitals(at(0, { systolicMmHg: 145, diastolicMmHg: 92 }), settings)).toEqual([])
  })
})

describe('evaluateIntraSessionVitals (§2 ⚠️)', () => {
  it('alerts on BP > 180 on two readings 5 min apart, not on one', () => {
    expect(evaluateIntraSessionVitals([at(10, { systolicMmHg: 185, diastolicMmHg: 100 })])).toEqual([])
    const alerts = evaluateIntraSessionVitals([at(10, { systolicMmHg: 185 }), at(15, { systolicMmHg: 182 })])
    expect(codes(alerts)).toEqual(['bp-high-sustained'])
    expect(alerts[0]!.atMs).toBe(t0 + 15 * 60_000)
    expect(alerts[0]!.recommendedAction).toMatch(/[Pp]ause suggested.*prescriber/)
  })

  it('a normal reading in between breaks the run; readings under 5 min apart do not count', () => {
    expect(
      evaluateIntraSessionVitals([
        at(10, { systolicMmHg: 185 }),
        at(12, { systolicMmHg: 150 }),
        at(16, { systolicMmHg: 185 }),
      ]),
    ).toEqual([])
    expect(
      evaluateIntraSessionVitals([at(10, { diastolicMmHg: 112 }), at(14, { diastolicMmHg: 115 })]),
    ).toEqual([])
  })

  it('alerts once on > 200/120, on sustained HR, low SpO2 and MOAA/S ≤ 2', () => {
    const alerts = evaluateIntraSessionVitals([
      at(0, { systolicMmHg: 150, heartRateBpm: 125 }),
      at(3, { heartRateBpm: 130, spo2Percent: 91 }),
      at(5, { heartRateBpm: 122, diastolicMmHg: 121, moaasScore: 2 }),
    ])
    expect(codes(alerts)).toEqual(['spo2-low', 'bp-very-high', 'heart-rate-high-sustained', 'moaas-low'])
    expect(alerts.every((a) => a.severity === 'critical')).toBe(true)
  })

  it('leaves SpO2 92 and MOAA/S 3 alone', () => {
    expect(evaluateIntraSessionVitals([at(0, { spo2Percent: 92, moaasScore: 3 })])).toEqual([])
  })
})

describe('nextVitalsDue', () => {
  it('every 10 min during an infusion, then the post-infusion interval', () => {
    expect(nextVitalsDue({ route: 'iv', doseStartedAtMs: t0, readings: [] }).dueAtMs).toBe(t0 + 10 * 60_000)
    expect(
      nextVitalsDue({ route: 'iv', doseStartedAtMs: t0, readings: [at(20, { systolicMmHg: 130 })] }).dueAtMs,
    ).toBe(t0 + 30 * 60_000)
    const settings = { ...defaultVitalsSettings, infusionIntervalMin: 15 }
    expect(nextVitalsDue({ route: 'iv', doseStartedAtMs: t0, readings: [] }, settings).dueAtMs).toBe(
      t0 + 15 * 60_000,
    )
    expect(
      nextVitalsDue({
        route: 'iv',
        doseStartedAtMs: t0,
        infusionEndedAtMs: t0 + 40 * 60_000,
        readings: [at(30, {})],
      }).dueAtMs,
    ).toBe(t0 + 55 * 60_000)
  })

  it('esketamine: BP recheck at 40 min, then only while unstable (§3)', () => {
    // SpO2 charted on each reading, so only the BP rule decides here.
    const early = nextVitalsDue({
      route: 'intranasal',
      doseStartedAtMs: t0,
      readings: [at(30, { systolicMmHg: 150, spo2Percent: 97 })],
    })
    expect(early.dueAtMs).toBe(t0 + 40 * 60_000)
    expect(early.prompts).toEqual(['blood-pressure'])
    const unstable = nextVitalsDue({
      route: 'intranasal',
      doseStartedAtMs: t0,
      readings: [at(41, { systolicMmHg: 150, diastolicMmHg: 85, spo2Percent: 97 })],
    })
    expect(unstable.dueAtMs).toBe(t0 + 56 * 60_000)
    expect(unstable.prompts).toEqual(['blood-pressure', 'spo2'])
  })

  it('esketamine: pulse oximetry prompted throughout monitoring, not only the 40-minute BP (§3)', () => {
    // Straight after the first device: SpO2 is due before the BP recheck.
    const first = nextVitalsDue({ route: 'intranasal', doseStartedAtMs: t0, readings: [] })
    expect(first.dueAtMs).toBe(t0 + 15 * 60_000)
    expect(first.prompts).toEqual(['spo2'])
    expect(first.reason).toMatch(/SpO2 every 15 min.*⚠️/)
    // BP stable after the recheck: SpO2 keeps being prompted, from the last SpO2 reading.
    const stable = nextVitalsDue({
      route: 'intranasal',
      doseStartedAtMs: t0,
      readings: [
        at(38, { systolicMmHg: 128, diastolicMmHg: 80, spo2Percent: 98 }),
        at(100, { spo2Percent: 97 }),
      ],
    })
    expect(stable.dueAtMs).toBe(t0 + 115 * 60_000)
    expect(stable.prompts).toEqual(['spo2'])
    // A reading without SpO2 does not reset the pulse-oximetry clock.
    const bpOnly = nextVitalsDue({
      route: 'intranasal',
      doseStartedAtMs: t0,
      readings: [
        at(38, { systolicMmHg: 128, diastolicMmHg: 80, spo2Percent: 98 }),
        at(50, { systolicMmHg: 126 }),
      ],
    })
    expect(bpOnly.dueAtMs).toBe(t0 + 53 * 60_000)
    // The interval is a clinic setting.
    const settings = { ...defaultVitalsSettings, esketamineSpo2IntervalMin: 10 }
    expect(nextVitalsDue({ route: 'intranasal', doseStartedAtMs: t0, readings: [] }, settings).dueAtMs).toBe(
      t0 + 10 * 60_000,
    )
  })
})
