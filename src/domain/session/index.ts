export type { SessionAction } from './action-states'
export {
  isActionAllowed,
  isAfterDosing,
  isMonitoringOpen,
  readyMomentChartingStates,
  sessionActionStates,
  sessionActions,
  vitalsContextOf,
} from './action-states'
export type {
  DischargeCriterion,
  DischargeCriterionId,
  DischargeInput,
  DischargeReadiness,
  DischargeSettings,
  DissociationCheck,
} from './discharge'
export { defaultDischargeSettings, dischargeCriterionIds, evaluateDischarge } from './discharge'
export type { InfusionAction, InfusionMark, InfusionStatus, InfusionSummary } from './infusion-record'
export { infusionActions, infusionStatuses, nextInfusionActions, summarizeInfusion } from './infusion-record'
export type { PreCheckFacts, PreCheckForm, PreCheckItem } from './pre-checks'
export { evaluatePreChecks } from './pre-checks'
export type { ChartMedicationFact, ConcomitantAnswer, ConcomitantClass } from './rems-concomitant'
export { concomitantAnswers, concomitantClasses } from './rems-concomitant'
export type { SideEffectTerm } from './side-effects'
export { seriousFromGrade, sideEffectGradeLabels, sideEffectTerms } from './side-effects'
export type { SpacingSettings, SpacingViolation } from './spacing'
export { defaultSpacingSettings, findSpacingViolations, minimumSpacingHours } from './spacing'
export type {
  BlockedBy,
  GuardName,
  PreCheckStatus,
  SessionContext,
  SessionEvent,
  SessionState,
  Transition,
  TransitionOption,
  TransitionResult,
} from './states'
export {
  applyTransition,
  guardNames,
  listTransitions,
  preCheckStatuses,
  sessionEvents,
  sessionStates,
  sessionTransitions,
  terminalStates,
} from './states'
export type { VitalSign, VitalSignLimit } from './vital-sign-limits'
export { vitalSignLimits } from './vital-sign-limits'
export type { NextVitalsDue, NextVitalsInput, PreDoseVitalsFinding } from './vitals-rules'
export { evaluatePreDoseVitals, nextVitalsDue, withAlertRecheck } from './vitals-rules'
export type {
  AlertAckAction,
  AlertPhase,
  VitalsAlert,
  VitalsAlertCode,
  VitalsMeasure,
  VitalsReading,
} from './vitals-rules-alerts'
export {
  abnormalMeasures,
  alertAckActionLabels,
  alertAckActions,
  earliestRecheck,
  evaluateIntraSessionVitals,
  vitalsAlertCodes,
  vitalsMeasures,
} from './vitals-rules-alerts'
export type { VitalsSettings } from './vitals-settings'
export { defaultVitalsSettings } from './vitals-settings'
