import { DomainValidationError } from '../errors'
import { defaultVitalsSettings, type VitalsSettings } from './vitals-settings'

/** One set of observations; any field may be missing (not measured at that time). */
export interface VitalsReading {
  takenAtMs: number
  systolicMmHg?: number
  diastolicMmHg?: number
  heartRateBpm?: number
  spo2Percent?: number
  moaasScore?: number
}

export type VitalsAlertCode =
  | 'pre-dose-bp-defer'
  | 'pre-dose-bp-no-start'
  | 'bp-high-sustained'
  | 'bp-very-high'
  | 'heart-rate-high-sustained'
  | 'spo2-low'
  | 'moaas-low'

export interface VitalsAlert {
  code: VitalsAlertCode
  severity: 'warning' | 'critical'
  message: string
  /** Suggests, never decides: the prescriber does (thresholds are ⚠️ settings, §2). */
  recommendedAction: string
  /** When the condition was first met. */
  atMs: number
}

const minuteMs = 60_000

const isBpAbove = (r: VitalsReading, limit: { systolicMmHg: number; diastolicMmHg: number }) =>
  (r.systolicMmHg ?? Number.NEGATIVE_INFINITY) > limit.systolicMmHg ||
  (r.diastolicMmHg ?? Number.NEGATIVE_INFINITY) > limit.diastolicMmHg

const bpText = (r: VitalsReading) => `${r.systolicMmHg ?? '?'}/${r.diastolicMmHg ?? '?'} mmHg`

function sortedReadings(readings: readonly VitalsReading[]): VitalsReading[] {
  readings.forEach((r, i) => {
    if (!Number.isFinite(r.takenAtMs))
      throw new DomainValidationError(`readings.${i}.takenAtMs`, 'must be epoch ms')
  })
  return [...readings].sort((a, b) => a.takenAtMs - b.takenAtMs)
}

/** §2 ⚠️: before the dose, > 140/90 defers pending prescriber review and > 180/110 stops the start. */
export function evaluatePreDoseVitals(
  reading: VitalsReading,
  settings: VitalsSettings = defaultVitalsSettings,
): VitalsAlert[] {
  if (isBpAbove(reading, settings.preDoseNoStartAbove)) {
    const { systolicMmHg: s, diastolicMmHg: d } = settings.preDoseNoStartAbove
    return [
      {
        code: 'pre-dose-bp-no-start',
        severity: 'critical',
        message: `Pre-dose BP ${bpText(reading)} is above ${s}/${d}.`,
        recommendedAction: 'Do not start; notify the prescriber.',
        atMs: reading.takenAtMs,
      },
    ]
  }
  if (isBpAbove(reading, settings.preDoseDeferAbove)) {
    const { systolicMmHg: s, diastolicMmHg: d } = settings.preDoseDeferAbove
    return [
      {
        code: 'pre-dose-bp-defer',
        severity: 'warning',
        message: `Pre-dose BP ${bpText(reading)} is above ${s}/${d}.`,
        recommendedAction: 'Defer the start pending prescriber review; recheck BP.',
        atMs: reading.takenAtMs,
      },
    ]
  }
  return []
}

/**
 * The time a condition has held over consecutive readings for at least minSpanMin, or null.
 * A reading where the value was not measured neither breaks nor extends the run; a normal one breaks it.
 */
function firstSustained(
  readings: VitalsReading[],
  isAbnormal: (r: VitalsReading) => boolean | undefined,
  minSpanMin: number,
): number | null {
  let runStartMs: number | null = null
  for (const r of readings) {
    const abnormal = isAbnormal(r)
    if (abnormal === undefined) continue
    if (!abnormal) runStartMs = null
    else if (runStartMs === null) runStartMs = r.takenAtMs
    if (abnormal && runStartMs !== null && r.takenAtMs - runStartMs >= minSpanMin * minuteMs)
      return r.takenAtMs
  }
  return null
}

/** §2 ⚠️ alerts during dosing and monitoring, one per kind, at the time each was first met. */
export function evaluateIntraSessionVitals(
  readings: readonly VitalsReading[],
  settings: VitalsSettings = defaultVitalsSettings,
): VitalsAlert[] {
  const sorted = sortedReadings(readings)
  const alerts: VitalsAlert[] = []
  const pause = 'Pause suggested; notify the prescriber.'

  const veryHigh = sorted.find((r) => isBpAbove(r, settings.singleBpAbove))
  if (veryHigh) {
    const { systolicMmHg: s, diastolicMmHg: d } = settings.singleBpAbove
    alerts.push({
      code: 'bp-very-high',
      severity: 'critical',
      message: `BP ${bpText(veryHigh)} is above ${s}/${d}.`,
      recommendedAction: pause,
      atMs: veryHigh.takenAtMs,
    })
  }
  const sbp = settings.sustainedBpAbove
  const hasBp = (r: VitalsReading) => r.systolicMmHg !== undefined || r.diastolicMmHg !== undefined
  const sustainedBpAt = firstSustained(
    sorted,
    (r) => (hasBp(r) ? isBpAbove(r, sbp) : undefined),
    sbp.minSpanMin,
  )
  if (sustainedBpAt !== null) {
    alerts.push({
      code: 'bp-high-sustained',
      severity: 'critical',
      message: `BP above ${sbp.systolicMmHg}/${sbp.diastolicMmHg} on readings at least ${sbp.minSpanMin} min apart.`,
      recommendedAction: pause,
      atMs: sustainedBpAt,
    })
  }
  const hr = settings.heartRateAbove
  const sustainedHrAt = firstSustained(
    sorted,
    (r) => (r.heartRateBpm === undefined ? undefined : r.heartRateBpm > hr.bpm),
    hr.minSpanMin,
  )
  if (sustainedHrAt !== null) {
    alerts.push({
      code: 'heart-rate-high-sustained',
      severity: 'critical',
      message: `Heart rate above ${hr.bpm}/min for at least ${hr.minSpanMin} min.`,
      recommendedAction: pause,
      atMs: sustainedHrAt,
    })
  }
  const lowSpo2 = sorted.find((r) => r.spo2Percent !== undefined && r.spo2Percent < settings.spo2BelowPercent)
  if (lowSpo2) {
    alerts.push({
      code: 'spo2-low',
      severity: 'critical',
      message: `SpO2 ${lowSpo2.spo2Percent} % is below ${settings.spo2BelowPercent} %.`,
      recommendedAction: 'Pause suggested; check the airway and notify the prescriber.',
      atMs: lowSpo2.takenAtMs,
    })
  }
  const deep = sorted.find((r) => r.moaasScore !== undefined && r.moaasScore <= settings.moaasAtOrBelow)
  if (deep) {
    alerts.push({
      code: 'moaas-low',
      severity: 'critical',
      message: `MOAA/S ${deep.moaasScore} is at or below ${settings.moaasAtOrBelow} (responds only to prodding or less).`,
      recommendedAction: 'Pause suggested; check the airway and notify the prescriber.',
      atMs: deep.takenAtMs,
    })
  }
  return alerts.sort((a, b) => a.atMs - b.atMs)
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
      reason: `BP recheck ~${settings.esketamineRecheckMin} min after the dose (§3).`,
    }
  const last = withBp[withBp.length - 1]
  if (
    last &&
    (isBpAbove(last, settings.preDoseDeferAbove) || evaluateIntraSessionVitals([last], settings).length > 0)
  ) {
    return {
      dueAtMs: last.takenAtMs + settings.esketamineUnstableIntervalMin * minuteMs,
      reason: 'BP recheck until stable (§3).',
    }
  }
  return { dueAtMs: null, reason: 'BP stable after the 40-minute recheck; further BP as needed (§3).' }
}

/** When the next set of vitals is due. Esketamine: the BP rule and pulse oximetry throughout (§3). */
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
        reason: `Every ${settings.infusionIntervalMin} min during the infusion (§2 ⚠️ setting).`,
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
  const spo2Reason = `SpO2 every ${settings.esketamineSpo2IntervalMin} min: pulse oximetry throughout monitoring (§3; interval ⚠️ setting).`
  if (bp.dueAtMs === null || spo2DueAtMs < bp.dueAtMs)
    return { dueAtMs: spo2DueAtMs, reason: `${spo2Reason} ${bp.reason}`, prompts: ['spo2'] }
  if (bp.dueAtMs < spo2DueAtMs) return { dueAtMs: bp.dueAtMs, reason: bp.reason, prompts: ['blood-pressure'] }
  return { dueAtMs: bp.dueAtMs, reason: `${bp.reason} ${spo2Reason}`, prompts: ['blood-pressure', 'spo2'] }
}
