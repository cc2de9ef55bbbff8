export type {
  ContraindicationAnswers,
  ContraindicationFinding,
  ContraindicationQuestion,
  ContraindicationScreen,
  ContraindicationSeverity,
  ContraindicationSource,
} from './contraindications'
export { CAUTION_QUESTIONS, CONTRAINDICATION_QUESTIONS, screenContraindications } from './contraindications'
export type { EpisodeSeverity, MaudsleyBand, MaudsleyInput, MaudsleyParts, MaudsleyResult } from './maudsley'
export { describeMaudsley, scoreMaudsley } from './maudsley'
export type { EctHistory, ThaseRushResult, ThaseRushStage } from './thase-rush'
export { stageThaseRush } from './thase-rush'
export type { TrdAssessment, TrdInput } from './trd'
export { assessTrd } from './trd'
export type {
  Adherence,
  AntidepressantTrial,
  DrugClass,
  TrdSettings,
  TrialOutcome,
  TrialReview,
} from './trial-adequacy'
export { DEFAULT_TRD_SETTINGS, reviewTrial } from './trial-adequacy'
