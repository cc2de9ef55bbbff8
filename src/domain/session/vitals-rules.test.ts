import { describe, expect, it } from 'vitest'
import { evaluatePreDoseVitals, nextVitalsDue, withAlertRecheck } from './vitals-rules'
import { evaluateIntraSessionVitals, type VitalsReading } from './vitals-rules-alerts'
import { defaultVitalsSettings, type VitalsSettings } from './vitals-settings'

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

describe('nextVitalsDue', () => {
  /** When the next vitals are due in an esketamine session dosed at t0, after these readings. */
  const esketamineDue = (readings: VitalsReading[], settings?: VitalsSettings) =>
    nextVitalsDue({ route: 'intranasal', doseStartedAtMs: t0, readings }, settings)

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
    const early = esketamineDue([at(30, { systolicMmHg: 150, spo2Percent: 97 })])
    expect(early.dueAtMs).toBe(t0 + 40 * 60_000)
    expect(early.prompts).toEqual(['blood-pressure'])
    const unstable = esketamineDue([at(41, { systolicMmHg: 150, diastolicMmHg: 85, spo2Percent: 97 })])
    expect(unstable.dueAtMs).toBe(t0 + 56 * 60_000)
    expect(unstable.prompts).toEqual(['blood-pressure', 'spo2'])
  })

  it('esketamine: pulse oximetry prompted throughout monitoring, not only the 40-minute BP (§3)', () => {
    // Straight after the first device: SpO2 is due before the BP recheck.
    const first = esketamineDue([])
    expect(first.dueAtMs).toBe(t0 + 15 * 60_000)
    expect(first.prompts).toEqual(['spo2'])
    expect(first.reason).toMatch(/SpO2 every 15 min.*default not yet verified/)
    // BP stable after the recheck: SpO2 keeps being prompted, from the last SpO2 reading.
    const stable = esketamineDue([
      at(38, { systolicMmHg: 128, diastolicMmHg: 80, spo2Percent: 98 }),
      at(100, { spo2Percent: 97 }),
    ])
    expect(stable.dueAtMs).toBe(t0 + 115 * 60_000)
    expect(stable.prompts).toEqual(['spo2'])
    // A reading without SpO2 does not reset the pulse-oximetry clock.
    const bpOnly = esketamineDue([
      at(38, { systolicMmHg: 128, diastolicMmHg: 80, spo2Percent: 98 }),
      at(50, { systolicMmHg: 126 }),
    ])
    expect(bpOnly.dueAtMs).toBe(t0 + 53 * 60_000)
    // The interval is a clinic setting.
    const settings = { ...defaultVitalsSettings, esketamineSpo2IntervalMin: 10 }
    expect(esketamineDue([], settings).dueAtMs).toBe(t0 + 10 * 60_000)
  })
})

describe('withAlertRecheck: the timer counts down to the earlier of routine and recheck', () => {
  it('a first reading above 180/110 during an infusion brings the next vitals to 5 min, labelled a BP recheck', () => {
    const readings = [at(12, { systolicMmHg: 185, diastolicMmHg: 112 })]
    const routine = nextVitalsDue({ route: 'iv', doseStartedAtMs: t0, readings })
    expect(routine.dueAtMs).toBe(t0 + 22 * 60_000)
    const due = withAlertRecheck(
      routine,
      evaluateIntraSessionVitals(readings, defaultVitalsSettings, { doseStartedAtMs: t0 }),
    )
    expect(due?.dueAtMs).toBe(t0 + 17 * 60_000)
    expect(due?.recheck).toEqual({ measure: 'blood-pressure', alertCode: 'bp-high' })
    expect(due?.prompts).toEqual(['blood-pressure'])
  })

  it('keeps the routine time when it comes first, and applies before the dose when there is none', () => {
    const settings = { ...defaultVitalsSettings, infusionIntervalMin: 3 }
    const readings = [at(12, { systolicMmHg: 185, diastolicMmHg: 100 })]
    const routine = nextVitalsDue({ route: 'iv', doseStartedAtMs: t0, readings }, settings)
    const alerts = evaluateIntraSessionVitals(readings, settings)
    expect(withAlertRecheck(routine, alerts)).toBe(routine)
    const pre = withAlertRecheck(
      null,
      evaluateIntraSessionVitals(readings, settings, { doseStartedAtMs: null }),
    )
    expect(pre?.dueAtMs).toBe(t0 + 17 * 60_000)
  })

  it('a resolved alert asks for nothing', () => {
    const readings = [
      at(12, { systolicMmHg: 185, diastolicMmHg: 100 }),
      at(16, { systolicMmHg: 150, diastolicMmHg: 90 }),
    ]
    const routine = nextVitalsDue({ route: 'iv', doseStartedAtMs: t0, readings })
    expect(withAlertRecheck(routine, evaluateIntraSessionVitals(readings))).toBe(routine)
  })
})
