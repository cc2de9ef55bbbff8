export { aldrete } from './aldrete'
export { bprs4 } from './bprs4'
export { cadss } from './cadss'
export type { CssrsIndicator, CssrsRiskConfig, CssrsRiskLevel } from './cssrs-screen'
export { classifyCssrsRisk, createCssrsScreen, cssrsScreen, DEFAULT_CSSRS_RISK_CONFIG } from './cssrs-screen'
export { isItemOptional } from './define-instrument'
export { gad7 } from './gad7'
export { createHamd17, hamd17 } from './hamd17'
export { createMadrs, madrs } from './madrs'
export { moaas } from './moaas'
export { createPhq9, PHQ9_ANSWER_LOINC, phq9 } from './phq9'
export { createQidsSr16, QIDS_DOMAINS, QIDS_EITHER_OR, qidsSr16 } from './qids-sr16'
export type { InstrumentId, InstrumentSettings } from './registry'
export {
  findInstrument,
  getInstrument,
  INSTRUMENT_IDS,
  instruments,
  isInstrumentId,
  scoreInstrument,
} from './registry'
export type {
  SuicidalIdeationSettingKey,
  SuicidalIdeationSettings,
  SuicidalIdeationThresholds,
} from './suicidal-ideation'
export {
  defaultSuicidalIdeationSettings,
  resolveSuicidalIdeationSettings,
  suicidalIdeationFlag,
  suicidalIdeationItems,
  validateSuicidalIdeationSettings,
} from './suicidal-ideation'
export type {
  AnswerOption,
  Answers,
  AnswerValue,
  EitherOrGroup,
  FlagSeverity,
  Instrument,
  InstrumentItem,
  InstrumentLoinc,
  InstrumentScore,
  Respondent,
  ScoreBand,
  ScoreFlag,
} from './types'
