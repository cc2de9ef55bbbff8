import { DomainValidationError } from '../errors'
import type { VitalsReading } from './vitals-rules-alerts'
import { defaultVitalsSettings, type VitalsSettings } from './vitals-settings'

export interface DischargeSettings {
  /** §2 ⚠️ / §4: modified Aldrete ≥ 9. */
  minAldreteScore: number
  /** §2 ⚠️: minimum observation after the infusion ends, default 30 min. */
  ivMinObservationMin: number
  /** §3 ✅: esketamine — observe ≥ 2 hours from the first device. */
  esketamineMinObservationMin: number
  /** §2 "vitals near baseline" ⚠️; 20 mmHg mirrors the Aldrete circulation band. */
  systolicToleranceMmHg: number
  diastolicToleranceMmHg: number
}

export const defaultDischargeSettings: DischargeSettings = Object.freeze({
  minAldreteScore: 9,
  ivMinObservationMin: 30,
  esketamineMinObservationMin: 120,
  systolicToleranceMmHg: 20,
  diastolicToleranceMmHg: 20,
})

export const dischargeCriterionIds = [
  'aldrete',
  'observation-time',
  'vitals-near-baseline',
  'sedation-resolved',
  'dissociation-resolved',
  'spo2-acceptable',
  'escort-present',
] as const
export type DischargeCriterionId = (typeof dischargeCriterionIds)[number]

/**
 * The nurse's dissociation check (§3: observe "until dissociation has resolved"). Recorded as a
 * yes/no observation with its time rather than derived from a CADSS total: the label measured
 * dissociation with the CADSS in trials but gives no score at which it counts as resolved, so a
 * threshold would be a number without a source; resolution is the observer's judgement, charted.
 */
export interface DissociationCheck {
  isResolved: boolean
  atMs: number
}

export interface DischargeCriterion {
  id: DischargeCriterionId
  isMet: boolean
  reason: string
  /** Earliest time it is or could be met; null when it depends on a reassessment, not on time. */
  earliestMetAtMs: number | null
}

export interface DischargeInput {
  nowMs: number
  route: 'iv' | 'intranasal'
  /** IV: end of infusion (absent while it runs). */
  infusionEndedAtMs?: number
  /** Intranasal: first device. */
  firstDeviceAtMs?: number
  aldreteScore?: number
  baseline: { systolicMmHg: number; diastolicMmHg?: number }
  latestVitals?: VitalsReading
  isEscortPresent: boolean
  /** When the Aldrete score was taken (default: now). */
  aldreteAtMs?: number
  /** Since when the escort has been present (default: now). */
  escortPresentSinceMs?: number
  /** Intranasal (§3): readings since the first device, for MOAA/S and SpO2. */
  postDoseReadings?: readonly VitalsReading[]
  /** Intranasal: the pre-dose MOAA/S; 5 (alert, responds readily to name) when none was charted. */
  baselineMoaas?: number
  /** Intranasal: the latest dissociation check since the first device. */
  dissociationCheck?: DissociationCheck
}

export interface DischargeReadiness {
  isReady: boolean
  criteria: DischargeCriterion[]
  /** Max of the criteria's earliest times; null if any depends on a reassessment. */
  earliestReadyAtMs: number | null
  /**
   * §3 monitoring form: when every criterion but the time rule has been met (the latest of their
   * met-since times), null while any is unmet. The server records it the first time it is set;
   * the form reads that record, never this live value.
   */
  readyWithoutObservationRuleAtMs: number | null
}

const minuteMs = 60_000

function observationCriterion(input: DischargeInput, settings: DischargeSettings): DischargeCriterion {
  const isIv = input.route === 'iv'
  const fromMs = isIv ? input.infusionEndedAtMs : input.firstDeviceAtMs
  const minMin = isIv ? settings.ivMinObservationMin : settings.esketamineMinObservationMin
  const fromWhat = isIv ? 'the end of the infusion' : 'the first device'
  if (fromMs === undefined) {
    return {
      id: 'observation-time',
      isMet: false,
      reason: `${isIv ? 'The infusion has not ended' : 'No first-device time is recorded'}.`,
      earliestMetAtMs: null,
    }
  }
  const metAtMs = fromMs + minMin * minuteMs
  const isMet = input.nowMs >= metAtMs
  const elapsedMin = Math.floor((input.nowMs - fromMs) / minuteMs)
  return {
    id: 'observation-time',
    isMet,
    reason: isMet
      ? `${elapsedMin} min since ${fromWhat} (minimum ${minMin}).`
      : `Minimum ${minMin} min from ${fromWhat}; ${Math.max(0, elapsedMin)} so far.`,
    earliestMetAtMs: metAtMs,
  }
}

function vitalsCriterion(input: DischargeInput, settings: DischargeSettings): DischargeCriterion {
  const v = input.latestVitals
  if (v?.systolicMmHg === undefined) {
    return {
      id: 'vitals-near-baseline',
      isMet: false,
      reason: 'No post-dose blood pressure recorded.',
      earliestMetAtMs: null,
    }
  }
  const sbpDiff = Math.abs(v.systolicMmHg - input.baseline.systolicMmHg)
  const dbpDiff =
    v.diastolicMmHg === undefined || input.baseline.diastolicMmHg === undefined
      ? 0
      : Math.abs(v.diastolicMmHg - input.baseline.diastolicMmHg)
  const isMet = sbpDiff <= settings.systolicToleranceMmHg && dbpDiff <= settings.diastolicToleranceMmHg
  return {
    id: 'vitals-near-baseline',
    isMet,
    reason: isMet
      ? `BP within ${settings.systolicToleranceMmHg}/${settings.diastolicToleranceMmHg} mmHg of baseline.`
      : `BP differs from baseline by ${sbpDiff}/${dbpDiff} mmHg (limit ${settings.systolicToleranceMmHg}/${settings.diastolicToleranceMmHg}).`,
    earliestMetAtMs: isMet ? v.takenAtMs : null,
  }
}

/** Start of the trailing run of readings (with the value measured) that all pass; null if the last fails. */
function metSince(
  readings: readonly VitalsReading[],
  value: (r: VitalsReading) => number | undefined,
  passes: (v: number) => boolean,
): { latest: VitalsReading | undefined; sinceMs: number | null } {
  const measured = [...readings]
    .filter((r) => value(r) !== undefined)
    .sort((a, b) => a.takenAtMs - b.takenAtMs)
  let sinceMs: number | null = null
  for (const r of measured) sinceMs = passes(value(r)!) ? (sinceMs ?? r.takenAtMs) : null
  return { latest: measured[measured.length - 1], sinceMs }
}

/** §3 ✅: sedation resolved — MOAA/S back to the patient's own pre-dose score. */
function sedationCriterion(input: DischargeInput): DischargeCriterion {
  // MOAA/S 5 is the top of the scale (awake); assuming it when no pre-dose score was charted is
  // the strict choice: the patient must then be fully alert.
  const baseline = input.baselineMoaas ?? 5
  const { latest, sinceMs } = metSince(
    input.postDoseReadings ?? [],
    (r) => r.moaasScore,
    (v) => v >= baseline,
  )
  const baselineText = input.baselineMoaas === undefined ? '5 (no pre-dose score charted)' : `${baseline}`
  if (!latest)
    return {
      id: 'sedation-resolved',
      isMet: false,
      reason: `No MOAA/S charted since the dose; needs the pre-dose baseline ${baselineText}.`,
      earliestMetAtMs: null,
    }
  const isMet = sinceMs !== null
  return {
    id: 'sedation-resolved',
    isMet,
    reason: isMet
      ? `MOAA/S ${latest.moaasScore}, back to the pre-dose baseline ${baselineText}.`
      : `MOAA/S ${latest.moaasScore} is below the pre-dose baseline ${baselineText}: sedation not resolved.`,
    earliestMetAtMs: sinceMs,
  }
}

/** §3 ✅: dissociation resolved, as the nurse's latest check says. */
function dissociationCriterion(input: DischargeInput): DischargeCriterion {
  const check = input.dissociationCheck
  if (!check)
    return {
      id: 'dissociation-resolved',
      isMet: false,
      reason: 'No dissociation check since the dose: record whether dissociation has resolved.',
      earliestMetAtMs: null,
    }
  return {
    id: 'dissociation-resolved',
    isMet: check.isResolved,
    reason: check.isResolved
      ? 'Dissociation resolved at the last check.'
      : 'Dissociation not resolved at the last check: recheck before discharge.',
    earliestMetAtMs: check.isResolved ? check.atMs : null,
  }
}

/** §3 ✅: respiratory depression resolved — the latest SpO2 not below the clinic's alert threshold. */
function spo2Criterion(
  input: DischargeInput,
  vitals: Pick<VitalsSettings, 'spo2BelowPercent'>,
): DischargeCriterion {
  const limit = vitals.spo2BelowPercent
  const { latest, sinceMs } = metSince(
    input.postDoseReadings ?? [],
    (r) => r.spo2Percent,
    (v) => v >= limit,
  )
  if (!latest)
    return {
      id: 'spo2-acceptable',
      isMet: false,
      reason: 'No SpO2 charted since the dose (pulse oximetry is needed throughout).',
      earliestMetAtMs: null,
    }
  const isMet = sinceMs !== null
  return {
    id: 'spo2-acceptable',
    isMet,
    reason: isMet
      ? `SpO2 ${latest.spo2Percent} % (not below ${limit} %).`
      : `SpO2 ${latest.spo2Percent} % is below ${limit} %: respiratory depression not resolved.`,
    earliestMetAtMs: sinceMs,
  }
}

/**
 * The §2/§3 discharge checklist: each criterion met or not, why, and when it could be met.
 * Esketamine (§3 ✅) adds sedation, dissociation and SpO2 to the IV list; the SpO2 limit is the
 * clinic's vitals alert threshold (`VitalsSettings.spo2BelowPercent`).
 */
export function evaluateDischarge(
  input: DischargeInput,
  settings: DischargeSettings = defaultDischargeSettings,
  vitals: Pick<VitalsSettings, 'spo2BelowPercent'> = defaultVitalsSettings,
): DischargeReadiness {
  if (!Number.isFinite(input.nowMs)) throw new DomainValidationError('nowMs', 'must be epoch ms')
  if (
    input.aldreteScore !== undefined &&
    !(Number.isInteger(input.aldreteScore) && input.aldreteScore >= 0 && input.aldreteScore <= 10)
  ) {
    throw new DomainValidationError('aldreteScore', 'must be an integer from 0 to 10')
  }
  if (
    input.baselineMoaas !== undefined &&
    !(Number.isInteger(input.baselineMoaas) && input.baselineMoaas >= 0 && input.baselineMoaas <= 5)
  ) {
    throw new DomainValidationError('baselineMoaas', 'must be an integer from 0 to 5')
  }
  const aldreteMet = input.aldreteScore !== undefined && input.aldreteScore >= settings.minAldreteScore
  const criteria: DischargeCriterion[] = [
    {
      id: 'aldrete',
      isMet: aldreteMet,
      reason:
        input.aldreteScore === undefined
          ? 'No modified Aldrete score recorded.'
          : `Modified Aldrete ${input.aldreteScore} (needs ≥ ${settings.minAldreteScore}).`,
      earliestMetAtMs: aldreteMet ? (input.aldreteAtMs ?? input.nowMs) : null,
    },
    observationCriterion(input, settings),
    vitalsCriterion(input, settings),
    ...(input.route === 'intranasal'
      ? [sedationCriterion(input), dissociationCriterion(input), spo2Criterion(input, vitals)]
      : []),
    {
      id: 'escort-present',
      isMet: input.isEscortPresent,
      reason: input.isEscortPresent
        ? 'Responsible adult escort present.'
        : 'A responsible adult escort is required.',
      earliestMetAtMs: input.isEscortPresent ? (input.escortPresentSinceMs ?? input.nowMs) : null,
    },
  ]
  const latest = (list: DischargeCriterion[]) =>
    list.some((c) => c.earliestMetAtMs === null)
      ? null
      : Math.max(...list.map((c) => c.earliestMetAtMs as number))
  return {
    isReady: criteria.every((c) => c.isMet),
    criteria,
    earliestReadyAtMs: latest(criteria),
    readyWithoutObservationRuleAtMs: latest(criteria.filter((c) => c.id !== 'observation-time')),
  }
}
