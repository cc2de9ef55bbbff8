import { DomainValidationError } from '../errors'
import { type BodyMeasurements, dosingWeight, type WeightBasis } from './body-weight'
import type { IvProtocol } from './protocols'

export interface DoseSettings {
  /** §2 ⚠️ unverified default: titration ceiling 1.0 mg/kg. */
  titrationCeilingMgPerKg: number
}

export const defaultDoseSettings: DoseSettings = Object.freeze({ titrationCeilingMgPerKg: 1.0 })

// §2 ✅ (Andrade 2017): studied range 0.1–0.75 mg/kg over 2–100 min.
const studiedDoseMgPerKg = { min: 0.1, max: 0.75 }
const studiedInfusionMin = { min: 2, max: 100 }

export type DoseWarningCode =
  | 'above-titration-ceiling'
  | 'outside-studied-dose'
  | 'outside-studied-duration'
  | 'dosing-weight-above-actual'
  | 'height-below-devine-range'

export interface DoseWarning {
  code: DoseWarningCode
  /** `confirm`: the prescriber must confirm before dosing; `caution`: shown, no block. */
  severity: 'confirm' | 'caution'
  message: string
}

export interface IvDoseInput {
  doseMgPerKg: number
  infusionMin: number
  body: BodyMeasurements
  basis?: WeightBasis
  /** Concentration of the solution being infused, for volume and pump rate. */
  vialMgPerMl?: number
  settings?: DoseSettings
}

export interface IvDose {
  doseMgPerKg: number
  basis: WeightBasis
  dosingWeightKg: number
  actualWeightKg: number
  idealWeightKg?: number
  adjustedWeightKg?: number
  doseMg: number
  infusionMin: number
  rateMgPerMin: number
  /** Present when vialMgPerMl is given. */
  volumeMl?: number
  rateMlPerH?: number
  ceilingMgPerKg: number
  ceilingMg: number
  isAboveCeiling: boolean
  warnings: DoseWarning[]
}

const round = (x: number, digits = 2) => Number(x.toFixed(digits))

/** Dose, infusion rate and volume for one IV session. Numbers are unrounded; round for display. */
export function calculateIvDose(input: IvDoseInput): IvDose {
  const settings = input.settings ?? defaultDoseSettings
  if (!(Number.isFinite(input.doseMgPerKg) && input.doseMgPerKg > 0)) {
    throw new DomainValidationError('doseMgPerKg', 'must be a number > 0')
  }
  if (!(Number.isFinite(input.infusionMin) && input.infusionMin > 0)) {
    throw new DomainValidationError('infusionMin', 'must be a number > 0')
  }
  if (input.vialMgPerMl !== undefined && !(Number.isFinite(input.vialMgPerMl) && input.vialMgPerMl > 0)) {
    throw new DomainValidationError('vialMgPerMl', 'must be a number > 0')
  }
  if (!(settings.titrationCeilingMgPerKg > 0)) {
    throw new DomainValidationError('settings.titrationCeilingMgPerKg', 'must be > 0')
  }
  const weight = dosingWeight(input.body, input.basis)
  const doseMg = input.doseMgPerKg * weight.dosingWeightKg
  const rateMgPerMin = doseMg / input.infusionMin
  // The ceiling is per kg of the same dosing weight, so changing the basis cannot hide an overdose.
  const ceilingMg = settings.titrationCeilingMgPerKg * weight.dosingWeightKg
  const isAboveCeiling = input.doseMgPerKg > settings.titrationCeilingMgPerKg

  const warnings: DoseWarning[] = []
  if (isAboveCeiling) {
    warnings.push({
      code: 'above-titration-ceiling',
      severity: 'confirm',
      message: `${input.doseMgPerKg} mg/kg is above the clinic's titration ceiling of ${settings.titrationCeilingMgPerKg} mg/kg (unverified default 1.0, §2); 1.0 mg/kg was no better than 0.5 and caused more dissociation and BP rise.`,
    })
  }
  if (input.doseMgPerKg < studiedDoseMgPerKg.min || input.doseMgPerKg > studiedDoseMgPerKg.max) {
    warnings.push({
      code: 'outside-studied-dose',
      severity: 'caution',
      message: `${input.doseMgPerKg} mg/kg is outside the studied range 0.1–0.75 mg/kg (§2).`,
    })
  }
  if (input.infusionMin < studiedInfusionMin.min || input.infusionMin > studiedInfusionMin.max) {
    warnings.push({
      code: 'outside-studied-duration',
      severity: 'caution',
      message: `${input.infusionMin} min is outside the studied infusion times of 2–100 min (§2).`,
    })
  }
  if (weight.dosingWeightKg > weight.actualWeightKg) {
    warnings.push({
      code: 'dosing-weight-above-actual',
      severity: 'caution',
      message: `The ${weight.basis} weight (${round(weight.dosingWeightKg, 1)} kg) exceeds the actual weight (${weight.actualWeightKg} kg).`,
    })
  }
  if (weight.basis !== 'actual' && weight.isBelowDevineRange) {
    warnings.push({
      code: 'height-below-devine-range',
      severity: 'caution',
      message: 'Height is under 152.4 cm (60 in); the Devine ideal weight is extrapolated.',
    })
  }

  return {
    doseMgPerKg: input.doseMgPerKg,
    basis: weight.basis,
    dosingWeightKg: weight.dosingWeightKg,
    actualWeightKg: weight.actualWeightKg,
    ...(weight.idealWeightKg === undefined ? {} : { idealWeightKg: weight.idealWeightKg }),
    ...(weight.adjustedWeightKg === undefined ? {} : { adjustedWeightKg: weight.adjustedWeightKg }),
    doseMg,
    infusionMin: input.infusionMin,
    rateMgPerMin,
    ...(input.vialMgPerMl === undefined
      ? {}
      : { volumeMl: doseMg / input.vialMgPerMl, rateMlPerH: (rateMgPerMin * 60) / input.vialMgPerMl }),
    ceilingMgPerKg: settings.titrationCeilingMgPerKg,
    ceilingMg,
    isAboveCeiling,
    warnings,
  }
}

/** The protocol's standard dose for a patient; the same checks as calculateIvDose. */
export function calculateProtocolDose(
  protocol: IvProtocol,
  options: Omit<IvDoseInput, 'doseMgPerKg' | 'infusionMin'> & { doseMgPerKg?: number },
): IvDose {
  return calculateIvDose({
    ...options,
    doseMgPerKg: options.doseMgPerKg ?? protocol.doseMgPerKg,
    infusionMin: protocol.infusionMin,
  })
}
