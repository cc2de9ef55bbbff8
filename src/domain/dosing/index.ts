export type { BodyMeasurements, DosingWeight, Sex, WeightBasis } from './body-weight'
export { adjustedBodyWeightKg, defaultWeightBasis, dosingWeight, idealBodyWeightKg } from './body-weight'
export type { DateInput } from './dates'
export { ageInYearsOn, toDayNumber, toIsoDate } from './dates'
export type { DoseSettings, DoseWarning, DoseWarningCode, IvDose, IvDoseInput } from './dose'
export { calculateIvDose, calculateProtocolDose, defaultDoseSettings } from './dose'
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
