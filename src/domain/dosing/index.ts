export type { BodyMeasurements, DosingWeight, DosingWeightOptions, Sex, WeightBasis } from './body-weight'
export {
  adjustedBodyWeightKg,
  defaultWeightBasis,
  dosingWeight,
  idealBodyWeightKg,
  weightBases,
} from './body-weight'
export type { DateInput } from './dates'
export { toDayNumber, toIsoDate } from './dates'
export type { DoseLimit, DoseSettings, DoseWarning, DoseWarningCode, IvDose, IvDoseInput } from './dose'
export { calculateIvDose, calculateProtocolDose, defaultDoseSettings, doseWarningCodes } from './dose'
export type { ApprovedDoseOverride, DoseLimitFinding, PlanDoseRequest } from './dose-limits'
export { doseLimitLabels, doseLimits, planDoseFindings, uncoveredLimits } from './dose-limits'
export type {
  BenefitReview,
  DevicePlan,
  NextDue,
  NextDueOptions,
  OlderAdultStartDoseSetting,
  PhaseOnDate,
  StartDose,
} from './esketamine-schedule'
export {
  benefitReviewDue,
  defaultOlderAdultStartDose,
  devicesForDose,
  esketamineDoseOptionsMg,
  esketamineStartDose,
  minutesBetweenDevices,
  nextDueDates,
  olderAdultDoseOptionsMg,
  phaseDoseOptionsMg,
  phaseForDate,
} from './esketamine-schedule'
export type { InputLimit, LimitedInput } from './input-limits'
export { checkInput, describeLimit, inputLimits, isWithinLimit } from './input-limits'
export type {
  EsketaminePhase,
  EsketamineProtocol,
  Frequency,
  IvCadence,
  IvProtocol,
  Protocol,
} from './protocols'
export {
  builtInProtocols,
  defineEsketamineProtocol,
  defineIvProtocol,
  esketamineDeviceMg,
  findProtocol,
  listProtocols,
} from './protocols'
