import { DomainValidationError } from '../errors'

export type DrugClass = 'ssri' | 'snri' | 'tca' | 'maoi' | 'atypical' | 'other'
export type Adherence = 'good' | 'partial' | 'poor'
export type TrialOutcome = 'response' | 'partial' | 'non-response' | 'intolerance'

export interface AntidepressantTrial {
  drug: string
  drugClass: DrugClass
  /** At or above the minimum effective dose (§1). */
  doseAdequate: boolean
  weeks: number
  adherence: Adherence
  outcome: TrialOutcome
  /** An augmenting agent was added during the trial (counts in Maudsley staging, §1). */
  augmentation: boolean
  isCurrentEpisode: boolean
}

export interface TrdSettings {
  /** Adequate duration: default 6 weeks, clinic-configurable 4–8 (§1, Delphi 2021). */
  minAdequateWeeks: number
  /** Failed adequate trials that define TRD: ≥ 2 (§1, Gaynes 2019). */
  minFailedTrials: number
}

export const DEFAULT_TRD_SETTINGS: TrdSettings = { minAdequateWeeks: 6, minFailedTrials: 2 } // §1
const ADEQUATE_WEEKS_RANGE = { min: 4, max: 8 } // §1 "clinic-configurable (4–8 weeks)"

export interface TrialReview {
  trial: AntidepressantTrial
  isAdequate: boolean
  /** Adequate, in the current episode, and without response (§1). */
  isFailedAdequate: boolean
  reasons: string[]
}

const DRUG_CLASSES: readonly DrugClass[] = ['ssri', 'snri', 'tca', 'maoi', 'atypical', 'other']
const ADHERENCE: readonly Adherence[] = ['good', 'partial', 'poor']
const OUTCOMES: readonly TrialOutcome[] = ['response', 'partial', 'non-response', 'intolerance']

export function validateTrdSettings(settings: TrdSettings): void {
  const { minAdequateWeeks, minFailedTrials } = settings
  if (!(minAdequateWeeks >= ADEQUATE_WEEKS_RANGE.min && minAdequateWeeks <= ADEQUATE_WEEKS_RANGE.max)) {
    throw new DomainValidationError('settings.minAdequateWeeks', 'must be between 4 and 8 weeks')
  }
  if (!Number.isInteger(minFailedTrials) || minFailedTrials < 1) {
    throw new DomainValidationError('settings.minFailedTrials', 'must be a whole number of at least 1')
  }
}

export function validateTrial(trial: AntidepressantTrial, index: number): void {
  const field = (name: string) => `trials[${index}].${name}`
  if (trial.drug.trim() === '') throw new DomainValidationError(field('drug'), 'is required')
  if (!DRUG_CLASSES.includes(trial.drugClass)) {
    throw new DomainValidationError(field('drugClass'), `must be one of ${DRUG_CLASSES.join(', ')}`)
  }
  if (!(Number.isFinite(trial.weeks) && trial.weeks >= 0)) {
    throw new DomainValidationError(field('weeks'), 'must be a number of weeks ≥ 0')
  }
  if (!ADHERENCE.includes(trial.adherence)) {
    throw new DomainValidationError(field('adherence'), `must be one of ${ADHERENCE.join(', ')}`)
  }
  if (!OUTCOMES.includes(trial.outcome)) {
    throw new DomainValidationError(field('outcome'), `must be one of ${OUTCOMES.join(', ')}`)
  }
}

const OUTCOME_TEXT: Record<TrialOutcome, string> = {
  response: 'responded (≥ 50 % improvement), so it is not a failed trial',
  partial: 'partial response only; < 50 % improvement counts as non-response (Delphi 2021)',
  'non-response': 'no response',
  intolerance: 'stopped for intolerance: a tolerability problem, not a failure of efficacy',
}

/** Judges one trial against the adequacy definition of §1, with reasons a clinician can check. */
export function reviewTrial(trial: AntidepressantTrial, settings: TrdSettings): TrialReview {
  const name = `${trial.drug} (${trial.drugClass.toUpperCase()})`
  const problems: string[] = []
  if (!trial.doseAdequate) problems.push('dose below the minimum effective dose')
  if (trial.weeks < settings.minAdequateWeeks) {
    problems.push(`${trial.weeks} weeks, fewer than the ${settings.minAdequateWeeks} required`)
  }
  // Incomplete adherence is the classic cause of pseudo-resistance, so only good adherence counts.
  if (trial.adherence !== 'good') problems.push(`${trial.adherence} adherence (possible pseudo-resistance)`)
  const isAdequate = problems.length === 0
  const reasons = [
    isAdequate
      ? `${name}: adequate trial (dose adequate, ${trial.weeks} weeks, good adherence).`
      : `${name}: not an adequate trial: ${problems.join('; ')}.`,
  ]
  if (!trial.isCurrentEpisode) reasons.push(`${name}: earlier episode; only the current episode counts.`)
  const isFailure = trial.outcome === 'partial' || trial.outcome === 'non-response'
  reasons.push(`${name}: ${OUTCOME_TEXT[trial.outcome]}.`)
  return { trial, isAdequate, isFailedAdequate: isAdequate && trial.isCurrentEpisode && isFailure, reasons }
}
