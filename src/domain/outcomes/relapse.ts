import { DomainValidationError } from '../errors'
import { DEFAULT_OUTCOME_SETTINGS, isRemission, isResponse, type OutcomeSettings } from './response'

export interface DatedTotal {
  at: Date
  total: number
}

export interface RelapseSettings {
  /** Non-response must persist over assessments at least this far apart (§4, ⚠️ default 7). */
  minDaysOfLostResponse: number
  /** After remission, a PHQ-9 total at or above this is relapse (§4, ⚠️ default 10). */
  phq9RelapseMinTotal: number
}

export const DEFAULT_RELAPSE_SETTINGS: RelapseSettings = { minDaysOfLostResponse: 7, phq9RelapseMinTotal: 10 } // §4 ⚠️

export interface RelapseInput {
  instrumentId: string
  baselineTotal: number
  /** Follow-up assessments after baseline, any order. */
  assessments: readonly DatedTotal[]
}

export interface RelapseAssessment {
  respondedAt: Date | null
  remittedAt: Date | null
  relapsedAt: Date | null
  /** The last assessment considered: where follow-up is censored when there is no relapse. */
  lastAssessedAt: Date | null
  reasons: string[]
}

const MS_PER_DAY = 86_400_000
const formatDate = (date: Date) => date.toISOString().slice(0, 10)

function sortAssessments(assessments: readonly DatedTotal[]): DatedTotal[] {
  assessments.forEach((a, index) => {
    if (!(a.at instanceof Date) || Number.isNaN(a.at.getTime())) {
      throw new DomainValidationError(`assessments[${index}].at`, 'must be a valid date')
    }
  })
  return [...assessments].sort((a, b) => a.at.getTime() - b.at.getTime())
}

/**
 * Relapse by the ⚠️ default definition of §4: after response, consecutive assessments no longer
 * meeting response that span at least 7 days; or, after remission, PHQ-9 ≥ 10. The first relapse
 * is reported; dates come from the caller (no clock in the domain).
 */
export function assessRelapse(
  input: RelapseInput,
  settings: RelapseSettings = DEFAULT_RELAPSE_SETTINGS,
  outcomeSettings: OutcomeSettings = DEFAULT_OUTCOME_SETTINGS,
): RelapseAssessment {
  const sorted = sortAssessments(input.assessments)
  const reasons: string[] = []
  let respondedAt: Date | null = null
  let remittedAt: Date | null = null
  let lostResponseRun: DatedTotal[] = []
  const result = (relapsedAt: Date | null, last: Date | null): RelapseAssessment => ({
    respondedAt,
    remittedAt,
    relapsedAt,
    lastAssessedAt: last,
    reasons,
  })

  for (const assessment of sorted) {
    const meetsResponse = isResponse(input.baselineTotal, assessment.total, outcomeSettings)
    const meetsRemission = isRemission(input.instrumentId, assessment.total, outcomeSettings) === true
    const day = formatDate(assessment.at)
    if (remittedAt && input.instrumentId === 'phq9' && assessment.total >= settings.phq9RelapseMinTotal) {
      reasons.push(
        `${day}: PHQ-9 ${assessment.total} ≥ ${settings.phq9RelapseMinTotal} after remission: relapse.`,
      )
      return result(assessment.at, assessment.at)
    }
    if (respondedAt && !meetsResponse) {
      lostResponseRun.push(assessment)
      const first = lostResponseRun[0]!
      const spanDays = (assessment.at.getTime() - first.at.getTime()) / MS_PER_DAY
      if (spanDays >= settings.minDaysOfLostResponse) {
        reasons.push(
          `${formatDate(first.at)} to ${day}: response lost on consecutive assessments ${settings.minDaysOfLostResponse}+ days apart: relapse.`,
        )
        return result(assessment.at, assessment.at)
      }
    } else {
      lostResponseRun = []
    }
    if (!respondedAt && meetsResponse) {
      respondedAt = assessment.at
      reasons.push(
        `${day}: response (≥ ${outcomeSettings.responseMinReductionPercent} % reduction from baseline).`,
      )
    }
    if (!remittedAt && meetsRemission) {
      remittedAt = assessment.at
      reasons.push(`${day}: remission (total ${assessment.total}).`)
    }
  }
  if (respondedAt || remittedAt) reasons.push('No relapse so far.')
  else reasons.push('No response or remission yet, so relapse does not apply.')
  return result(null, sorted.at(-1)?.at ?? null)
}

/**
 * Time from response (or remission, if response was never reached) to relapse, or to the last
 * assessment as a censored observation, ready for Kaplan–Meier; null when neither was reached.
 */
export function measureTimeToRelapse(
  assessment: RelapseAssessment,
): { timeDays: number; isEvent: boolean } | null {
  const start = assessment.respondedAt ?? assessment.remittedAt
  const end = assessment.relapsedAt ?? assessment.lastAssessedAt
  if (!start || !end) return null
  return { timeDays: (end.getTime() - start.getTime()) / MS_PER_DAY, isEvent: assessment.relapsedAt !== null }
}
