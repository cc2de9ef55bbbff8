import { DomainValidationError } from '../errors'
import { defaultVitalsSettings, type VitalsSettings } from './vitals-settings'

// Monitoring alerts (clinical-reference §2 ⚠️ thresholds, clinic settings). Every reading of the
// session is evaluated, whatever the phase — before the dose, while the pump runs or is paused,
// and after — so that no reading can slip past because of when the dose was charted to start.
// An alert belongs to an episode: the run of readings of one measure outside its limit. The
// episode ends (and its alerts resolve) at the first later reading of that measure back within.

/** One set of observations; any field may be missing (not measured at that time). */
export interface VitalsReading {
  takenAtMs: number
  systolicMmHg?: number
  diastolicMmHg?: number
  heartRateBpm?: number
  spo2Percent?: number
  moaasScore?: number
}

export const vitalsAlertCodes = [
  'bp-high',
  'bp-high-sustained',
  'bp-very-high',
  'heart-rate-high',
  'heart-rate-high-sustained',
  'spo2-low',
  'moaas-low',
] as const
export type VitalsAlertCode = (typeof vitalsAlertCodes)[number]

export const vitalsMeasures = ['blood-pressure', 'heart-rate', 'spo2', 'moaas'] as const
export type VitalsMeasure = (typeof vitalsMeasures)[number]

export interface VitalsAlert {
  code: VitalsAlertCode
  measure: VitalsMeasure
  severity: 'warning' | 'critical'
  /** The reading, in clinic words: "BP 185/112 mmHg is above 180/110." */
  message: string
  /** The rule that raised it, in plain words with the clinic's numbers. */
  rule: string
  /** Suggests, never decides: the prescriber does (thresholds are ⚠️ settings, §2). */
  recommendedAction: string
  /** When the condition was first met. */
  atMs: number
  /**
   * The readings behind it: the one that raised it (for a sustained rule, the first of the run
   * too), then every later reading of the episode while it lasts.
   */
  readings: VitalsReading[]
  /** BP and heart rate: when the recheck that confirms or clears it is due, while unresolved. */
  recheckByMs: number | null
  /** The first later reading of the measure back within its limit; null while the episode lasts. */
  resolvedAtMs: number | null
}

/** Where the dose stood, for the wording of the suggested action. */
export interface AlertPhase {
  /** Pump start or first device; null before any dose. */
  doseStartedAtMs: number | null
}

const minuteMs = 60_000

export const isBpAbove = (r: VitalsReading, limit: { systolicMmHg: number; diastolicMmHg: number }) =>
  (r.systolicMmHg ?? Number.NEGATIVE_INFINITY) > limit.systolicMmHg ||
  (r.diastolicMmHg ?? Number.NEGATIVE_INFINITY) > limit.diastolicMmHg

export const bpText = (r: VitalsReading) => `${r.systolicMmHg ?? '?'}/${r.diastolicMmHg ?? '?'} mmHg`

const hasBp = (r: VitalsReading) => r.systolicMmHg !== undefined || r.diastolicMmHg !== undefined

export function sortedReadings(readings: readonly VitalsReading[]): VitalsReading[] {
  readings.forEach((r, i) => {
    if (!Number.isFinite(r.takenAtMs))
      throw new DomainValidationError(`readings.${i}.takenAtMs`, 'must be epoch ms')
  })
  return [...readings].sort((a, b) => a.takenAtMs - b.takenAtMs)
}

/** Which limits a reading breaks, for highlighting it where it is listed. */
export function abnormalMeasures(r: VitalsReading, settings: VitalsSettings = defaultVitalsSettings) {
  return {
    bloodPressure: hasBp(r) && isBpAbove(r, settings.sustainedBpAbove),
    heartRate: r.heartRateBpm !== undefined && r.heartRateBpm > settings.heartRateAbove.bpm,
    spo2: r.spo2Percent !== undefined && r.spo2Percent < settings.spo2BelowPercent,
    moaas: r.moaasScore !== undefined && r.moaasScore <= settings.moaasAtOrBelow,
  }
}

type Draft = Omit<VitalsAlert, 'recheckByMs' | 'resolvedAtMs'>

/**
 * Walks the readings of one measure as episodes. `isAbnormal` is undefined when the reading did
 * not measure it (neither extends nor ends an episode). `onReading` raises the episode's alerts.
 */
function walkEpisodes(
  sorted: VitalsReading[],
  isAbnormal: (r: VitalsReading) => boolean | undefined,
  recheckMin: number | null,
  onReading: (r: VitalsReading, episode: { first: VitalsReading; codes: Set<VitalsAlertCode> }) => Draft[],
): VitalsAlert[] {
  const out: VitalsAlert[] = []
  let episode: { first: VitalsReading; codes: Set<VitalsAlertCode>; alerts: VitalsAlert[] } | null = null
  for (const r of sorted) {
    const abnormal = isAbnormal(r)
    if (abnormal === undefined) continue
    if (!abnormal) {
      for (const a of episode?.alerts ?? []) {
        a.resolvedAtMs = r.takenAtMs
        a.recheckByMs = null
      }
      episode = null
      continue
    }
    episode ??= { first: r, codes: new Set(), alerts: [] }
    // Each alert shows the readings of its episode from the one that raised it to the latest.
    for (const a of episode.alerts) if (!a.readings.includes(r)) a.readings.push(r)
    for (const draft of onReading(r, episode)) {
      episode.codes.add(draft.code)
      const alert: VitalsAlert = { ...draft, recheckByMs: null, resolvedAtMs: null }
      episode.alerts.push(alert)
      out.push(alert)
    }
    // Still outside the limit: every alert of the episode asks for the next recheck from here.
    if (recheckMin !== null)
      for (const a of episode.alerts) a.recheckByMs = r.takenAtMs + recheckMin * minuteMs
  }
  return out
}

/**
 * §2 ⚠️ alerts over every reading of a session, resolved or not, oldest first. Blood pressure:
 * the first reading above the sustained limit (180/110) raises an alert with a recheck due in the
 * rule's minutes (5); still above it that long after → pause suggested; above the single limit
 * (200/120) once → pause suggested. Heart rate likewise (above 120, sustained 5 min). SpO2 below
 * 92 % and MOAA/S ≤ 2 alert at once.
 */
export function evaluateIntraSessionVitals(
  readings: readonly VitalsReading[],
  settings: VitalsSettings = defaultVitalsSettings,
  phase: AlertPhase = { doseStartedAtMs: Number.NEGATIVE_INFINITY },
): VitalsAlert[] {
  const sorted = sortedReadings(readings)
  const isBeforeDose = (r: VitalsReading) =>
    phase.doseStartedAtMs === null || r.takenAtMs < phase.doseStartedAtMs
  const pauseOrHold = (r: VitalsReading) =>
    isBeforeDose(r)
      ? 'Do not start the dose; notify the prescriber.'
      : 'Pause suggested; notify the prescriber.'
  const sbp = settings.sustainedBpAbove
  const vbp = settings.singleBpAbove
  const hr = settings.heartRateAbove
  const bpRule = `BP above ${sbp.systolicMmHg}/${sbp.diastolicMmHg}: recheck within ${sbp.minSpanMin} min; still above it ${sbp.minSpanMin} min later, or above ${vbp.systolicMmHg}/${vbp.diastolicMmHg} once: pause and notify the prescriber.`
  const hrRule = `Heart rate above ${hr.bpm}/min: recheck within ${hr.minSpanMin} min; still above it ${hr.minSpanMin} min later: pause and notify the prescriber.`

  const bp = walkEpisodes(
    sorted,
    (r) => (hasBp(r) ? isBpAbove(r, sbp) : undefined),
    sbp.minSpanMin,
    (r, episode) => {
      const base = { measure: 'blood-pressure' as const, rule: bpRule, atMs: r.takenAtMs }
      if (isBpAbove(r, vbp) && !episode.codes.has('bp-very-high'))
        return [
          {
            ...base,
            code: 'bp-very-high',
            severity: 'critical',
            message: `BP ${bpText(r)} is above ${vbp.systolicMmHg}/${vbp.diastolicMmHg}.`,
            recommendedAction: pauseOrHold(r),
            readings: [r],
          },
        ]
      if (episode.codes.size === 0)
        return [
          {
            ...base,
            code: 'bp-high',
            severity: 'warning',
            message: `BP ${bpText(r)} is above ${sbp.systolicMmHg}/${sbp.diastolicMmHg}.`,
            recommendedAction: `Recheck BP within ${sbp.minSpanMin} min; if still above ${sbp.systolicMmHg}/${sbp.diastolicMmHg}: ${pauseOrHold(r).toLowerCase()}`,
            readings: [r],
          },
        ]
      const isSustained = r.takenAtMs - episode.first.takenAtMs >= sbp.minSpanMin * minuteMs
      if (isSustained && !episode.codes.has('bp-high-sustained') && !episode.codes.has('bp-very-high'))
        return [
          {
            ...base,
            code: 'bp-high-sustained',
            severity: 'critical',
            message: `BP ${bpText(r)} is still above ${sbp.systolicMmHg}/${sbp.diastolicMmHg} (${bpText(episode.first)} at the first reading).`,
            recommendedAction: pauseOrHold(r),
            readings: [episode.first, r],
          },
        ]
      return []
    },
  )
  const heart = walkEpisodes(
    sorted,
    (r) => (r.heartRateBpm === undefined ? undefined : r.heartRateBpm > hr.bpm),
    hr.minSpanMin,
    (r, episode) => {
      const base = { measure: 'heart-rate' as const, rule: hrRule, atMs: r.takenAtMs }
      if (episode.codes.size === 0)
        return [
          {
            ...base,
            code: 'heart-rate-high',
            severity: 'warning',
            message: `Heart rate ${r.heartRateBpm}/min is above ${hr.bpm}/min.`,
            recommendedAction: `Recheck heart rate within ${hr.minSpanMin} min; if still above ${hr.bpm}: ${pauseOrHold(r).toLowerCase()}`,
            readings: [r],
          },
        ]
      const isSustained = r.takenAtMs - episode.first.takenAtMs >= hr.minSpanMin * minuteMs
      if (isSustained && !episode.codes.has('heart-rate-high-sustained'))
        return [
          {
            ...base,
            code: 'heart-rate-high-sustained',
            severity: 'critical',
            message: `Heart rate above ${hr.bpm}/min for at least ${hr.minSpanMin} min (${r.heartRateBpm}/min now).`,
            recommendedAction: pauseOrHold(r),
            readings: [episode.first, r],
          },
        ]
      return []
    },
  )
  const airway = (r: VitalsReading) =>
    isBeforeDose(r)
      ? 'Do not start the dose; check the airway and notify the prescriber.'
      : 'Pause suggested; check the airway and notify the prescriber.'
  const spo2 = walkEpisodes(
    sorted,
    (r) => (r.spo2Percent === undefined ? undefined : r.spo2Percent < settings.spo2BelowPercent),
    null,
    (r, episode) =>
      episode.codes.size > 0
        ? []
        : [
            {
              code: 'spo2-low',
              measure: 'spo2',
              severity: 'critical',
              message: `SpO2 ${r.spo2Percent} % is below ${settings.spo2BelowPercent} %.`,
              rule: `SpO2 below ${settings.spo2BelowPercent} %: check the airway and notify the prescriber.`,
              recommendedAction: airway(r),
              atMs: r.takenAtMs,
              readings: [r],
            },
          ],
  )
  const moaas = walkEpisodes(
    sorted,
    (r) => (r.moaasScore === undefined ? undefined : r.moaasScore <= settings.moaasAtOrBelow),
    null,
    (r, episode) =>
      episode.codes.size > 0
        ? []
        : [
            {
              code: 'moaas-low',
              measure: 'moaas',
              severity: 'critical',
              message: `MOAA/S ${r.moaasScore} is at or below ${settings.moaasAtOrBelow} (responds only to prodding or less).`,
              rule: `MOAA/S at or below ${settings.moaasAtOrBelow}: check the airway and notify the prescriber.`,
              recommendedAction: airway(r),
              atMs: r.takenAtMs,
              readings: [r],
            },
          ],
  )
  return [...bp, ...heart, ...spo2, ...moaas].sort((a, b) => a.atMs - b.atMs)
}

/** The earliest recheck still owed by an unresolved alert, or null. */
export function earliestRecheck(alerts: readonly VitalsAlert[]): VitalsAlert | null {
  let found: VitalsAlert | null = null
  for (const a of alerts)
    if (a.resolvedAtMs === null && a.recheckByMs !== null && (!found || a.recheckByMs < found.recheckByMs!))
      found = a
  return found
}

/** What was done about an alert, chosen at the chair (one or more), with a free note. */
export const alertAckActions = [
  'paused-infusion',
  'stopped-infusion',
  'reduced-rate',
  'gave-medication',
  'rechecked',
  'prescriber-notified',
  'other',
] as const
export type AlertAckAction = (typeof alertAckActions)[number]

export const alertAckActionLabels: Record<AlertAckAction, string> = {
  'paused-infusion': 'Paused infusion',
  'stopped-infusion': 'Stopped infusion',
  'reduced-rate': 'Reduced rate',
  'gave-medication': 'Gave medication',
  rechecked: 'Rechecked',
  'prescriber-notified': 'Prescriber notified',
  other: 'Other',
}
