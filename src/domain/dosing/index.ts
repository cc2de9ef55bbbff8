export type { BodyMeasurements, DosingWeight, Sex, WeightBasis } from './body-weight'
export { adjustedBodyWeightKg, defaultWeightBasis, dosingWeight, idealBodyWeightKg } from './body-weight'
export type { DateInput } from './dates'
export { toDayNumber, toIsoDate } from './dates'
export type { DoseSettings, DoseWarning, DoseWarningCode, IvDose, IvDoseInput } from './dose'
export { calculateIvDose, calculateProtocolDose, defaultDoseSettings } from './dose'
export type {
  DevicePlan,
  NextDue,
  NextDueOptions,
  OlderAdultStartDoseSetting,
  PhaseOnDate,
  StartDose,
} from './esketamine-schedule'
export {
  defaultOlderAdultStartDose,
  devicesForDose,
  esketamineStartDose,
  minutesBetweenDevices,
  nextDueDates,
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
