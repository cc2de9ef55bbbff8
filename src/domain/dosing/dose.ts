import { DomainValidationError } from '../errors'
import { type BodyMeasurements, dosingWeight, type WeightBasis } from './body-weight'
import { checkInput } from './input-limits'
import type { IvProtocol } from './protocols'

/** A §2 dose limit a dose goes beyond (dose-limits.ts judges them and names them for people). */
export type DoseLimit = 'titration-ceiling' | 'dosing-weight-above-actual'

export interface DoseSettings {
  /** §2 ⚠️ unverified default: titration ceiling 1.0 mg/kg of ACTUAL body weight. */
  titrationCeilingMgPerKg: number
}

export const defaultDoseSettings: DoseSettings = Object.freeze({ titrationCeilingMgPerKg: 1.0 })

// §2 ✅ (Andrade 2017): studied range 0.1–0.75 mg/kg over 2–100 min.
const studiedDoseMgPerKg = { min: 0.1, max: 0.75 }
const studiedInfusionMin = { min: 2, max: 100 }
// Rounding slack so 1.0 mg/kg × w / w is not "above" a 1.0 mg/kg ceiling.
const relativeTolerance = 1e-9

export const doseWarningCodes = [
  'above-titration-ceiling',
  'outside-studied-dose',
  'outside-studied-duration',
  'dosing-weight-above-actual',
  'dosing-weight-capped-at-actual',
  'height-below-devine-range',
] as const
export type DoseWarningCode = (typeof doseWarningCodes)[number]

export interface DoseWarning {
  code: DoseWarningCode
  /** `override`: beyond a §2 limit, needs a prescriber's signed override with a reason; `caution`: shown, no block. */
  severity: 'override' | 'caution'
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
  /** Dose on the basis weight even above actual weight: only under a prescriber's signed override. */
  isAboveActualAllowed?: boolean
}

export interface IvDose {
  /** mg per kg of the dosing weight, as prescribed. */
  doseMgPerKg: number
  basis: WeightBasis
  dosingWeightKg: number
  /** The weight on the chosen basis before the cap at actual weight. */
  basisWeightKg: number
  actualWeightKg: number
  idealWeightKg?: number
  adjustedWeightKg?: number
  /** The basis weight exceeded actual weight, so the dose was computed on actual weight. */
  isCappedAtActual: boolean
  doseMg: number
  /** The dose per kg of ACTUAL weight: what the ceiling is judged on. */
  doseMgPerKgOfActual: number
  infusionMin: number
  rateMgPerMin: number
  /** Present when vialMgPerMl is given. */
  volumeMl?: number
  rateMlPerH?: number
  /** The clinic's titration ceiling, mg per kg of actual weight. */
  ceilingMgPerKg: number
  /** The ceiling in mg: ceilingMgPerKg × actual weight. */
  ceilingMg: number
  /** doseMg is above ceilingMg, i.e. above the ceiling per kg of actual weight. */
  isAboveCeiling: boolean
  /** The §2 limits this dose goes beyond; each needs a prescriber's signed override with a reason. */
  limitsExceeded: DoseLimit[]
  warnings: DoseWarning[]
}

const round = (x: number, digits = 2) => Number(x.toFixed(digits))

/**
 * Dose, infusion rate and volume for one IV session. Numbers are unrounded; round for display.
 * The dosing weight is capped at actual weight and the ceiling is judged per kg of actual weight,
 * whatever the basis (§2), so an ideal-weight dose cannot hide an overdose of an underweight patient.
 */
export function calculateIvDose(input: IvDoseInput): IvDose {
  const settings = input.settings ?? defaultDoseSettings
  checkInput('doseMgPerKg', input.doseMgPerKg)
  checkInput('infusionMin', input.infusionMin)
  if (input.vialMgPerMl !== undefined) checkInput('vialMgPerMl', input.vialMgPerMl)
  if (!(settings.titrationCeilingMgPerKg > 0)) {
    throw new DomainValidationError('settings.titrationCeilingMgPerKg', 'must be > 0')
  }
  const weight = dosingWeight(input.body, input.basis, {
    isAboveActualAllowed: input.isAboveActualAllowed === true,
  })
  const doseMg = input.doseMgPerKg * weight.dosingWeightKg
  const doseMgPerKgOfActual = doseMg / weight.actualWeightKg
  const rateMgPerMin = doseMg / input.infusionMin
  const ceilingMg = settings.titrationCeilingMgPerKg * weight.actualWeightKg
  const isAboveCeiling = doseMg > ceilingMg * (1 + relativeTolerance)
  const isAboveActual = weight.dosingWeightKg > weight.actualWeightKg

  const limitsExceeded: DoseLimit[] = []
  const warnings: DoseWarning[] = []
  if (isAboveCeiling) {
    limitsExceeded.push('titration-ceiling')
    warnings.push({
      code: 'above-titration-ceiling',
      severity: 'override',
      message: `${round(doseMg)} mg is ${round(doseMgPerKgOfActual)} mg/kg of actual weight (${weight.actualWeightKg} kg), above the clinic's titration ceiling of ${settings.titrationCeilingMgPerKg} mg/kg of actual weight (${round(ceilingMg)} mg; the default 1.0 is not yet verified by the clinic): it needs a prescriber's signed override with a reason. 1.0 mg/kg was no better than 0.5 and caused more dissociation and BP rise.`,
    })
  }
  if (isAboveActual) {
    limitsExceeded.push('dosing-weight-above-actual')
    warnings.push({
      code: 'dosing-weight-above-actual',
      severity: 'override',
      message: `Dosing on the ${weight.basis} weight (${round(weight.dosingWeightKg, 1)} kg), above the actual weight (${weight.actualWeightKg} kg): allowed only under a prescriber's signed override.`,
    })
  }
  if (weight.isCappedAtActual) {
    warnings.push({
      code: 'dosing-weight-capped-at-actual',
      severity: 'caution',
      message: `The ${weight.basis} weight (${round(weight.basisWeightKg, 1)} kg) exceeds the actual weight (${weight.actualWeightKg} kg), so the dose is computed on actual weight.`,
    })
  }
  if (input.doseMgPerKg < studiedDoseMgPerKg.min || input.doseMgPerKg > studiedDoseMgPerKg.max) {
    warnings.push({
      code: 'outside-studied-dose',
      severity: 'caution',
      message: `${input.doseMgPerKg} mg/kg is outside the studied range 0.1–0.75 mg/kg.`,
    })
  }
  if (input.infusionMin < studiedInfusionMin.min || input.infusionMin > studiedInfusionMin.max) {
    warnings.push({
      code: 'outside-studied-duration',
      severity: 'caution',
      message: `${input.infusionMin} min is outside the studied infusion times of 2–100 min.`,
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
    basisWeightKg: weight.basisWeightKg,
    actualWeightKg: weight.actualWeightKg,
    ...(weight.idealWeightKg === undefined ? {} : { idealWeightKg: weight.idealWeightKg }),
    ...(weight.adjustedWeightKg === undefined ? {} : { adjustedWeightKg: weight.adjustedWeightKg }),
    isCappedAtActual: weight.isCappedAtActual,
    doseMg,
    doseMgPerKgOfActual,
    infusionMin: input.infusionMin,
    rateMgPerMin,
    ...(input.vialMgPerMl === undefined
      ? {}
      : { volumeMl: doseMg / input.vialMgPerMl, rateMlPerH: (rateMgPerMin * 60) / input.vialMgPerMl }),
    ceilingMgPerKg: settings.titrationCeilingMgPerKg,
    ceilingMg,
    isAboveCeiling,
    limitsExceeded,
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
