import { DomainValidationError } from '../errors'
import { type EpisodeSeverity, type MaudsleyResult, scoreMaudsley } from './maudsley'
import { type EctHistory, stageThaseRush, type ThaseRushResult } from './thase-rush'
import {
  type AntidepressantTrial,
  DEFAULT_TRD_SETTINGS,
  reviewTrial,
  type TrdSettings,
  type TrialReview,
  validateTrdSettings,
  validateTrial,
} from './trial-adequacy'

export interface TrdInput {
  trials: readonly AntidepressantTrial[]
  ect: EctHistory
  episodeDurationMonths: number
  severity: EpisodeSeverity
}

export interface TrdAssessment {
  trialReviews: TrialReview[]
  /** Adequate trials in the current episode. */
  adequateTrials: AntidepressantTrial[]
  failedAdequateTrials: AntidepressantTrial[]
  isTrd: boolean
  reasons: string[]
  thaseRush: ThaseRushResult
  maudsley: MaudsleyResult
}

const SEVERITIES: readonly EpisodeSeverity[] = [
  'subsyndromal',
  'mild',
  'moderate',
  'severe',
  'severe-psychotic',
]

function validateInput(input: TrdInput): void {
  input.trials.forEach(validateTrial)
  if (!(Number.isFinite(input.episodeDurationMonths) && input.episodeDurationMonths >= 0)) {
    throw new DomainValidationError('episodeDurationMonths', 'must be a number of months ≥ 0')
  }
  if (!SEVERITIES.includes(input.severity)) {
    throw new DomainValidationError('severity', `must be one of ${SEVERITIES.join(', ')}`)
  }
  if (!input.ect.used && (input.ect.bilateral || input.ect.failed)) {
    throw new DomainValidationError('ect.used', 'must be true when ECT is marked bilateral or failed')
  }
}

/**
 * TRD definition (≥ 2 failed adequate trials in the current episode, §1), Thase–Rush stage and
 * Maudsley score from one trial history. Decision support: the prescriber signs the decision.
 */
export function assessTrd(input: TrdInput, settings: TrdSettings = DEFAULT_TRD_SETTINGS): TrdAssessment {
  validateTrdSettings(settings)
  validateInput(input)
  const trialReviews = input.trials.map((trial) => reviewTrial(trial, settings))
  const adequateTrials = trialReviews
    .filter((r) => r.isAdequate && r.trial.isCurrentEpisode)
    .map((r) => r.trial)
  const failedAdequateTrials = trialReviews.filter((r) => r.isFailedAdequate).map((r) => r.trial)
  const isTrd = failedAdequateTrials.length >= settings.minFailedTrials
  const reasons = [
    `${adequateTrials.length} adequate trial(s) in the current episode (≥ ${settings.minAdequateWeeks} weeks at an adequate dose with good adherence).`,
    `${failedAdequateTrials.length} of them failed; TRD needs ≥ ${settings.minFailedTrials}: ${isTrd ? 'meets' : 'does not meet'} the definition.`,
  ]
  return {
    trialReviews,
    adequateTrials,
    failedAdequateTrials,
    isTrd,
    reasons,
    thaseRush: stageThaseRush(failedAdequateTrials, input.ect),
    maudsley: scoreMaudsley({
      episodeDurationMonths: input.episodeDurationMonths,
      severity: input.severity,
      failedAntidepressantCount: failedAdequateTrials.length,
      hasAugmentation: input.trials.some((t) => t.isCurrentEpisode && t.augmentation),
      ect: input.ect,
    }),
  }
}
