export { aldrete } from './aldrete'
export { bprs4 } from './bprs4'
export { cadss } from './cadss'
export type { CssrsIndicator, CssrsRiskConfig, CssrsRiskLevel } from './cssrs-screen'
export { classifyCssrsRisk, createCssrsScreen, cssrsScreen, DEFAULT_CSSRS_RISK_CONFIG } from './cssrs-screen'
export { gad7 } from './gad7'
export { hamd17 } from './hamd17'
export { madrs } from './madrs'
export { moaas } from './moaas'
export { PHQ9_ANSWER_LOINC, phq9 } from './phq9'
export { QIDS_DOMAINS, qidsSr16 } from './qids-sr16'
export type { InstrumentId } from './registry'
export {
  findInstrument,
  getInstrument,
  INSTRUMENT_IDS,
  instruments,
  isInstrumentId,
  scoreInstrument,
} from './registry'
export type {
  AnswerOption,
  Answers,
  AnswerValue,
  FlagSeverity,
  Instrument,
  InstrumentItem,
  InstrumentLoinc,
  InstrumentScore,
  Respondent,
  ScoreBand,
  ScoreFlag,
} from './types'
