export type { ExportedPatient, ExportSecret, SourcePatient } from './deidentify'
export {
  dateShiftDays,
  deidentifyPatient,
  exportAge,
  researchId,
  shiftInstant,
  stringValues,
} from './deidentify'
