export type {
  AntidepressantTrialAnswer,
  PregnancyAnswer,
  SafetyQuestionId,
  SelfCheckAnswers,
  SelfCheckSummary,
  SummaryLine,
  TrialDuration,
  YesNoUnsure,
} from './self-check'
export {
  maxTrials,
  pregnancyChoices,
  safetyQuestions,
  summarizeSelfCheck,
  trialDurations,
  yesNoUnsure,
} from './self-check'
