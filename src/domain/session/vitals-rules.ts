import {
  bpText,
  earliestRecheck,
  evaluateIntraSessionVitals,
  isBpAbove,
  sortedReadings,
  type VitalsAlert,
  type VitalsMeasure,
  type VitalsReading,
} from './vitals-rules-alerts'
import { defaultVitalsSettings, type VitalsSettings } from './vitals-settings'

const minuteMs = 60_000

/** A pre-check finding on the last pre-dose reading (the monitoring alerts are separate). */
export interface PreDoseVitalsFinding {
  code: 'pre-dose-bp-defer' | 'pre-dose-bp-no-start'
  severity: 'warning' | 'critical'
  message: string
  recommendedAction: string
  atMs: number
}

/** The pre-dose BP limits, the stricter first: the first one exceeded is the finding. */
const preDoseBpLimits = [
  {
    setting: 'preDoseNoStartAbove',
    code: 'pre-dose-bp-no-start',
    severity: 'critical',
    recommendedAction: 'Do not start; notify the prescriber.',
  },
  {
    setting: 'preDoseDeferAbove',
    code: 'pre-dose-bp-defer',
    severity: 'warning',
    recommendedAction: 'Defer the start pending prescriber review; recheck BP.',
  },
] as const

/** §2 ⚠️: before the dose, > 140/90 defers pending prescriber review and > 180/110 stops the start. */
export function evaluatePreDoseVitals(
  reading: VitalsReading,
  settings: VitalsSettings = defaultVitalsSettings,
): PreDoseVitalsFinding[] {
  const limit = preDoseBpLimits.find((l) => isBpAbove(reading, settings[l.setting]))
  if (!limit) return []
  const { systolicMmHg: s, diastolicMmHg: d } = settings[limit.setting]
  return [
    {
      code: limit.code,
      severity: limit.severity,
      message: `Pre-dose BP ${bpText(reading)} is above ${s}/${d}.`,
      recommendedAction: limit.recommendedAction,
      atMs: reading.takenAtMs,
    },
  ]
}

export interface NextVitalsInput {
  route: 'iv' | 'intranasal'
  /** Infusion start (IV) or first device (intranasal). */
  doseStartedAtMs: number
  /** IV only; absent while the infusion runs. */
  infusionEndedAtMs?: number
  readings: readonly VitalsReading[]
}

export interface NextVitalsDue {
  dueAtMs: number | null
  reason: string
  /** Esketamine: what is due at `dueAtMs` (a BP recheck, a pulse-oximetry reading, or both). */
  prompts?: ('blood-pressure' | 'spo2')[]
  /** Set when the time is an alert's recheck deadline rather than the routine interval. */
  recheck?: { measure: VitalsMeasure; alertCode: VitalsAlert['code'] }
}

/** Esketamine BP (§3 ✅): the ~40-minute recheck, then again while the last reading is not stable. */
function esketamineBpDue(sorted: VitalsReading[], doseStartedAtMs: number, settings: VitalsSettings) {
  const recheckAtMs = doseStartedAtMs + settings.esketamineRecheckMin * minuteMs
  const withBp = sorted.filter((r) => r.systolicMmHg !== undefined || r.diastolicMmHg !== undefined)
  // "~40 min": a reading within 5 minutes before the mark counts as the recheck.
  const hasRecheck = withBp.some((r) => r.takenAtMs >= recheckAtMs - 5 * minuteMs)
  if (!hasRecheck)
    return {
      dueAtMs: recheckAtMs,
      reason: `BP recheck ~${settings.esketamineRecheckMin} min after the dose.`,
    }
  const last = withBp[withBp.length - 1]
  if (
    last &&
    (isBpAbove(last, settings.preDoseDeferAbove) || evaluateIntraSessionVitals([last], settings).length > 0)
  ) {
    return {
      dueAtMs: last.takenAtMs + settings.esketamineUnstableIntervalMin * minuteMs,
      reason: 'BP recheck until stable.',
    }
  }
  return { dueAtMs: null, reason: 'BP stable after the 40-minute recheck; further BP as needed.' }
}

/** When the next set of vitals is due. Esketamine: the BP rule and pulse oximetry throughout. */
export function nextVitalsDue(
  input: NextVitalsInput,
  settings: VitalsSettings = defaultVitalsSettings,
): NextVitalsDue {
  const sorted = sortedReadings(input.readings).filter((r) => r.takenAtMs >= input.doseStartedAtMs)
  const last = sorted[sorted.length - 1]
  if (input.route === 'iv') {
    if (input.infusionEndedAtMs === undefined) {
      const fromMs = last?.takenAtMs ?? input.doseStartedAtMs
      return {
        dueAtMs: fromMs + settings.infusionIntervalMin * minuteMs,
        reason: `Every ${settings.infusionIntervalMin} min during the infusion (clinic setting; default not yet verified).`,
      }
    }
    const fromMs = Math.max(last?.takenAtMs ?? input.infusionEndedAtMs, input.infusionEndedAtMs)
    return {
      dueAtMs: fromMs + settings.postInfusionIntervalMin * minuteMs,
      reason: `Every ${settings.postInfusionIntervalMin} min after the infusion (⚠️ setting).`,
    }
  }
  const bp = esketamineBpDue(sorted, input.doseStartedAtMs, settings)
  const lastSpo2 = sorted.filter((r) => r.spo2Percent !== undefined).at(-1)
  const spo2DueAtMs =
    (lastSpo2?.takenAtMs ?? input.doseStartedAtMs) + settings.esketamineSpo2IntervalMin * minuteMs
  const spo2Reason = `SpO2 every ${settings.esketamineSpo2IntervalMin} min: pulse oximetry throughout monitoring (the interval is a clinic setting; default not yet verified).`
  if (bp.dueAtMs === null || spo2DueAtMs < bp.dueAtMs)
    return { dueAtMs: spo2DueAtMs, reason: `${spo2Reason} ${bp.reason}`, prompts: ['spo2'] }
  if (bp.dueAtMs < spo2DueAtMs) return { dueAtMs: bp.dueAtMs, reason: bp.reason, prompts: ['blood-pressure'] }
  return { dueAtMs: bp.dueAtMs, reason: `${bp.reason} ${spo2Reason}`, prompts: ['blood-pressure', 'spo2'] }
}

const recheckPrompts: Partial<Record<VitalsMeasure, 'blood-pressure' | 'spo2'>> = {
  'blood-pressure': 'blood-pressure',
}

/**
 * The timer counts down to the earlier of the routine interval and the recheck an unresolved
 * alert asks for (§2 ⚠️: "two readings 5 min apart" — the recheck is that second reading).
 * Applies before the dose too, when there is no routine interval yet.
 */
export function withAlertRecheck(
  due: NextVitalsDue | null,
  alerts: readonly VitalsAlert[],
): NextVitalsDue | null {
  const recheck = earliestRecheck(alerts)
  if (!recheck || recheck.recheckByMs === null) return due
  if (due && due.dueAtMs !== null && due.dueAtMs <= recheck.recheckByMs) return due
  const prompt = recheckPrompts[recheck.measure]
  return {
    dueAtMs: recheck.recheckByMs,
    reason: `Recheck asked by the alert: ${recheck.message}`,
    ...(prompt ? { prompts: [prompt] } : {}),
    recheck: { measure: recheck.measure, alertCode: recheck.code },
  }
}
