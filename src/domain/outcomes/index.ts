export type { Benchmark, BenchmarkMetric, BenchmarkTimepoint, BenchmarkTreatment } from './benchmarks'
export { BENCHMARKS, findBenchmarks } from './benchmarks'
export type {
  EarlyNonResponseCheck,
  EarlyNonResponseSettings,
  EarlyResponseStatus,
  InfusionAssessment,
} from './early-non-response'
export { checkEarlyNonResponse, DEFAULT_EARLY_NON_RESPONSE_SETTINGS } from './early-non-response'
export type {
  ConfidenceTransform,
  KaplanMeierEstimate,
  SurvivalObservation,
  SurvivalStep,
} from './kaplan-meier'
export { estimateKaplanMeier } from './kaplan-meier'
export type { Proportion } from './proportion'
export { wilsonInterval } from './proportion'
export type { DatedTotal, RelapseAssessment, RelapseInput, RelapseSettings } from './relapse'
export { assessRelapse, DEFAULT_RELAPSE_SETTINGS, measureTimeToRelapse } from './relapse'
export type { OutcomeSettings, ResponseAssessment, ScoreComparison } from './response'
export {
  assessResponse,
  calculatePercentChange,
  DEFAULT_OUTCOME_SETTINGS,
  isRemission,
  isResponse,
} from './response'
export type { SyntheticPatient, SyntheticSession } from './synthetic'
export { generateSyntheticPatient } from './synthetic'
