import type { Adherence, DrugClass, EpisodeSeverity, TrialOutcome } from '../../domain/eligibility'
import type { PatientStage, Sex } from '../api/patients'

// Words and colours for the intake codes the API sends, in one place for every screen.

export const stageLabels: Record<PatientStage, string> = {
  intake: 'Intake',
  'awaiting-decision': 'Awaiting decision',
  declined: 'Declined',
  deferred: 'Deferred',
  eligible: 'Eligible',
  'ready-for-treatment': 'Ready for treatment',
}

export const stageColors: Record<PatientStage, string> = {
  intake: 'gray',
  'awaiting-decision': 'blue',
  declined: 'red',
  deferred: 'yellow',
  eligible: 'teal',
  'ready-for-treatment': 'green',
}

export const sexOptions: { value: Sex; label: string }[] = [
  { value: 'female', label: 'Female' },
  { value: 'male', label: 'Male' },
  { value: 'other', label: 'Other' },
  { value: 'unknown', label: 'Unknown' },
]

export const drugClassLabels: Record<DrugClass, string> = {
  ssri: 'SSRI',
  snri: 'SNRI',
  tca: 'TCA',
  maoi: 'MAOI',
  atypical: 'Atypical',
  other: 'Other',
}

export const adherenceLabels: Record<Adherence, string> = { good: 'Good', partial: 'Partial', poor: 'Poor' }

export const outcomeLabels: Record<TrialOutcome, string> = {
  response: 'Response',
  partial: 'Partial response',
  'non-response': 'No response',
  intolerance: 'Intolerance',
}

export const severityLabels: Record<EpisodeSeverity, string> = {
  subsyndromal: 'Subsyndromal',
  mild: 'Mild',
  moderate: 'Moderate',
  severe: 'Severe (no psychosis)',
  'severe-psychotic': 'Severe with psychosis',
}

export function optionsOf<T extends string>(labels: Record<T, string>): { value: T; label: string }[] {
  return (Object.keys(labels) as T[]).map((value) => ({ value, label: labels[value] }))
}

/** Instruments given at intake, in the order a clinic usually gives them. */
export const intakeInstrumentIds = ['phq9', 'cssrs-screen', 'gad7', 'madrs', 'qids-sr16', 'hamd17'] as const
