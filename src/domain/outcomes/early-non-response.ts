import { DomainValidationError } from '../errors'
import { DEFAULT_OUTCOME_SETTINGS, isResponse, type OutcomeSettings } from './response'

export interface InfusionAssessment {
  /** The assessment follows this infusion (1 = after the first). */
  afterInfusion: number
  total: number
}

export interface EarlyNonResponseSettings {
  /** Review when no response after this many infusions (§2, APA ✅: 3). */
  reviewAfterInfusions: number
}

export const DEFAULT_EARLY_NON_RESPONSE_SETTINGS: EarlyNonResponseSettings = { reviewAfterInfusions: 3 } // §2 ✅

export type EarlyResponseStatus = 'responded' | 'too-early' | 'not-assessed' | 'no-response'

export interface EarlyNonResponseCheck {
  status: EarlyResponseStatus
  /** True only for 'no-response': the course should be reviewed by the prescriber. */
  shouldReview: boolean
  reason: string
}

/**
 * If there is no response after 3 infusions, later response is rarely reported, so the course is
 * flagged for review (§2, APA ✅). A response at any assessment so far clears the flag.
 */
export function checkEarlyNonResponse(
  input: { baselineTotal: number; assessments: readonly InfusionAssessment[] },
  settings: EarlyNonResponseSettings = DEFAULT_EARLY_NON_RESPONSE_SETTINGS,
  outcomeSettings: OutcomeSettings = DEFAULT_OUTCOME_SETTINGS,
): EarlyNonResponseCheck {
  const n = settings.reviewAfterInfusions
  input.assessments.forEach((a, index) => {
    if (!(Number.isInteger(a.afterInfusion) && a.afterInfusion >= 1)) {
      throw new DomainValidationError(`assessments[${index}].afterInfusion`, 'must be an infusion number ≥ 1')
    }
  })
  const responded = input.assessments.find((a) => isResponse(input.baselineTotal, a.total, outcomeSettings))
  if (responded) {
    return {
      status: 'responded',
      shouldReview: false,
      reason: `Response after infusion ${responded.afterInfusion}.`,
    }
  }
  const latest = Math.max(0, ...input.assessments.map((a) => a.afterInfusion))
  if (latest >= n) {
    return {
      status: 'no-response',
      shouldReview: true,
      reason: `No response after ${latest} infusions: later response is rarely reported (APA); review the course.`,
    }
  }
  const hasAssessments = input.assessments.length > 0
  return {
    status: hasAssessments ? 'too-early' : 'not-assessed',
    shouldReview: false,
    reason: hasAssessments
      ? `No response yet after ${latest} infusion(s); review is due if none after ${n}.`
      : 'No assessment after an infusion yet.',
  }
}
