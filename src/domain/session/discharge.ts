import { DomainValidationError } from '../errors'
import type { VitalsReading } from './vitals-rules'

export interface DischargeSettings {
  /** §2 ⚠️ / §4: modified Aldrete ≥ 9. */
  minAldreteScore: number
  /** §2 ⚠️: minimum observation after the infusion ends, default 30 min. */
  ivMinObservationMin: number
  /** §3 ✅: esketamine — observe ≥ 2 hours from the first device. */
  esketamineMinObservationMin: number
  /** §2 "vitals near baseline" ⚠️; 20 mmHg mirrors the Aldrete circulation band (§4). */
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

export type DischargeCriterionId = 'aldrete' | 'observation-time' | 'vitals-near-baseline' | 'escort-present'

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
}

export interface DischargeReadiness {
  isReady: boolean
  criteria: DischargeCriterion[]
  /** Max of the criteria's earliest times; null if any depends on a reassessment. */
  earliestReadyAtMs: number | null
  /** §3 monitoring form: when the patient would have been ready without the time rule. */
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

/** The §2/§3 discharge checklist: each criterion met or not, why, and when it could be met. */
export function evaluateDischarge(
  input: DischargeInput,
  settings: DischargeSettings = defaultDischargeSettings,
): DischargeReadiness {
  if (!Number.isFinite(input.nowMs)) throw new DomainValidationError('nowMs', 'must be epoch ms')
  if (
    input.aldreteScore !== undefined &&
    !(Number.isInteger(input.aldreteScore) && input.aldreteScore >= 0 && input.aldreteScore <= 10)
  ) {
    throw new DomainValidationError('aldreteScore', 'must be an integer from 0 to 10')
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
      earliestMetAtMs: aldreteMet ? input.nowMs : null,
    },
    observationCriterion(input, settings),
    vitalsCriterion(input, settings),
    {
      id: 'escort-present',
      isMet: input.isEscortPresent,
      reason: input.isEscortPresent
        ? 'Responsible adult escort present.'
        : 'A responsible adult escort is required (§2).',
      earliestMetAtMs: input.isEscortPresent ? input.nowMs : null,
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
