import { describe, expect, it } from 'vitest'
import {
  abnormalMeasures,
  earliestRecheck,
  evaluateIntraSessionVitals,
  type VitalsReading,
} from './vitals-rules-alerts'
import { defaultVitalsSettings } from './vitals-settings'

const minute = 60_000
const t0 = Date.UTC(2025, 2, 3, 9, 0)
const at = (min: number, v: Omit<VitalsReading, 'takenAtMs'>): VitalsReading => ({
  takenAtMs: t0 + min * minute,
  ...v,
})
const bp = (min: number, s: number, d: number) => at(min, { systolicMmHg: s, diastolicMmHg: d })
const summary = (alerts: ReturnType<typeof evaluateIntraSessionVitals>) =>
  alerts.map((a) => ({
    code: a.code,
    atMin: (a.atMs - t0) / minute,
    recheckByMin: a.recheckByMs === null ? null : (a.recheckByMs - t0) / minute,
    resolvedAtMin: a.resolvedAtMs === null ? null : (a.resolvedAtMs - t0) / minute,
  }))

// §2 ⚠️ defaults: above 180/110 → recheck in 5 min; still above → pause; above 200/120 once → pause.
describe('evaluateIntraSessionVitals: every reading, any phase (table)', () => {
  const cases: {
    name: string
    readings: VitalsReading[]
    expected: ReturnType<typeof summary>
  }[] = [
    {
      name: 'a first reading of 185/112 raises the alert with a 5-minute recheck',
      readings: [bp(0, 185, 112)],
      expected: [{ code: 'bp-high', atMin: 0, recheckByMin: 5, resolvedAtMin: null }],
    },
    {
      name: '180/110 exactly is within the limit',
      readings: [bp(0, 180, 110)],
      expected: [],
    },
    {
      name: 'diastolic alone above 110 counts',
      readings: [bp(0, 150, 111)],
      expected: [{ code: 'bp-high', atMin: 0, recheckByMin: 5, resolvedAtMin: null }],
    },
    {
      name: 'two high readings 2 min apart: one alert, recheck moves on from the latest',
      readings: [bp(0, 185, 112), bp(2, 186, 112)],
      expected: [{ code: 'bp-high', atMin: 0, recheckByMin: 7, resolvedAtMin: null }],
    },
    {
      name: 'still high 5 min later: pause suggested (sustained), both open',
      readings: [bp(10, 185, 100), bp(15, 182, 100)],
      expected: [
        { code: 'bp-high', atMin: 10, recheckByMin: 20, resolvedAtMin: null },
        { code: 'bp-high-sustained', atMin: 15, recheckByMin: 20, resolvedAtMin: null },
      ],
    },
    {
      name: 'a recheck back under 180/110 resolves the episode; a later high one opens a new one',
      readings: [bp(10, 185, 100), bp(12, 150, 90), bp(16, 185, 100)],
      expected: [
        { code: 'bp-high', atMin: 10, recheckByMin: null, resolvedAtMin: 12 },
        { code: 'bp-high', atMin: 16, recheckByMin: 21, resolvedAtMin: null },
      ],
    },
    {
      name: 'above 200/120 once: critical at once, no separate first-reading alert',
      readings: [bp(0, 205, 125), bp(6, 190, 112)],
      expected: [{ code: 'bp-very-high', atMin: 0, recheckByMin: 11, resolvedAtMin: null }],
    },
    {
      name: 'a reading without BP neither extends nor ends the episode',
      readings: [bp(0, 185, 112), at(3, { heartRateBpm: 80 }), bp(5, 184, 111)],
      expected: [
        { code: 'bp-high', atMin: 0, recheckByMin: 10, resolvedAtMin: null },
        { code: 'bp-high-sustained', atMin: 5, recheckByMin: 10, resolvedAtMin: null },
      ],
    },
    {
      name: 'heart rate: first reading asks for a recheck, sustained 5 min pauses',
      readings: [at(0, { heartRateBpm: 125 }), at(5, { heartRateBpm: 130 }), at(8, { heartRateBpm: 100 })],
      expected: [
        { code: 'heart-rate-high', atMin: 0, recheckByMin: null, resolvedAtMin: 8 },
        { code: 'heart-rate-high-sustained', atMin: 5, recheckByMin: null, resolvedAtMin: 8 },
      ],
    },
    {
      name: 'SpO2 below 92 and MOAA/S ≤ 2 alert at once, once per episode; 92 and 3 are fine',
      readings: [
        at(0, { spo2Percent: 91, moaasScore: 2 }),
        at(2, { spo2Percent: 90, moaasScore: 1 }),
        at(4, { spo2Percent: 92, moaasScore: 3 }),
      ],
      expected: [
        { code: 'spo2-low', atMin: 0, recheckByMin: null, resolvedAtMin: 4 },
        { code: 'moaas-low', atMin: 0, recheckByMin: null, resolvedAtMin: 4 },
      ],
    },
  ]
  for (const c of cases)
    it(c.name, () => {
      expect(summary(evaluateIntraSessionVitals(c.readings))).toEqual(c.expected)
    })

  it('says the reading, the rule and the action, with the clinic settings', () => {
    const [alert] = evaluateIntraSessionVitals([bp(0, 185, 112)])
    expect(alert!.message).toBe('BP 185/112 mmHg is above 180/110.')
    expect(alert!.rule).toMatch(/above 180\/110: recheck within 5 min.*above 200\/120 once: pause/)
    expect(alert!.recommendedAction).toMatch(
      /Recheck BP within 5 min.*pause suggested; notify the prescriber/,
    )
    expect(alert!.readings).toEqual([bp(0, 185, 112)])
    const settings = {
      ...defaultVitalsSettings,
      sustainedBpAbove: { systolicMmHg: 170, diastolicMmHg: 105, minSpanMin: 3 },
    }
    const [own] = evaluateIntraSessionVitals([bp(0, 175, 100)], settings)
    expect(own!.recheckByMs).toBe(t0 + 3 * minute)
    expect(own!.message).toContain('above 170/105')
  })

  it('readings before the dose, during a pause and after it are all evaluated; the action fits the phase', () => {
    const readings = [bp(0, 185, 112), bp(2, 150, 90), bp(30, 186, 112), bp(32, 150, 90), bp(70, 190, 115)]
    // Dose started at 20 (paused at 28, resumed at 40, ended at 60: the phases do not filter anything).
    const alerts = evaluateIntraSessionVitals(readings, defaultVitalsSettings, {
      doseStartedAtMs: t0 + 20 * minute,
    })
    expect(alerts.map((a) => (a.atMs - t0) / minute)).toEqual([0, 30, 70])
    expect(alerts[0]!.recommendedAction).toMatch(/do not start the dose/)
    expect(alerts[1]!.recommendedAction).toMatch(/pause suggested/)
    const none = evaluateIntraSessionVitals(readings, defaultVitalsSettings, { doseStartedAtMs: null })
    expect(none.every((a) => /do not start/.test(a.recommendedAction))).toBe(true)
  })

  it('an alert lists the readings of its episode up to the latest', () => {
    const [first, sustained] = evaluateIntraSessionVitals([bp(0, 185, 112), bp(2, 184, 111), bp(5, 186, 112)])
    expect(first!.readings.map((r) => r.systolicMmHg)).toEqual([185, 184, 186])
    expect(sustained!.readings.map((r) => r.systolicMmHg)).toEqual([185, 186])
  })

  it('refuses a reading without a valid time', () => {
    expect(() => evaluateIntraSessionVitals([{ takenAtMs: Number.NaN }])).toThrow(/takenAtMs/)
  })
})

describe('earliestRecheck and abnormalMeasures', () => {
  it('the earliest recheck of an unresolved alert', () => {
    const alerts = evaluateIntraSessionVitals([bp(0, 185, 112), at(1, { heartRateBpm: 130 })])
    expect(earliestRecheck(alerts)?.code).toBe('bp-high')
    expect(earliestRecheck(evaluateIntraSessionVitals([bp(0, 185, 112), bp(1, 120, 80)]))).toBeNull()
  })

  it('flags each measure outside its limit', () => {
    expect(
      abnormalMeasures(at(0, { systolicMmHg: 185, diastolicMmHg: 100, heartRateBpm: 90, spo2Percent: 91 })),
    ).toEqual({
      bloodPressure: true,
      heartRate: false,
      spo2: true,
      moaas: false,
    })
  })
})
