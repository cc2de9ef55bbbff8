export type {
  DischargeCriterion,
  DischargeCriterionId,
  DischargeInput,
  DischargeReadiness,
  DischargeSettings,
} from './discharge'
export { defaultDischargeSettings, evaluateDischarge } from './discharge'
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
export { applyTransition, listTransitions, sessionStates, sessionTransitions, terminalStates } from './states'
export type {
  NextVitalsDue,
  NextVitalsInput,
  VitalsAlert,
  VitalsAlertCode,
  VitalsReading,
} from './vitals-rules'
export { evaluateIntraSessionVitals, evaluatePreDoseVitals, nextVitalsDue } from './vitals-rules'
export type { VitalsSettings } from './vitals-settings'
export { defaultVitalsSettings } from './vitals-settings'
