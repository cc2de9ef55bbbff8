import { DomainValidationError } from '../errors'
import { checkInput } from './input-limits'

export type Sex = 'F' | 'M'

/** §2 ⚠️: the weight basis for obese patients is not settled — a clinic setting, default actual. */
export const weightBases = ['actual', 'ideal', 'adjusted'] as const
export type WeightBasis = (typeof weightBases)[number]
export const defaultWeightBasis: WeightBasis = 'actual'

export interface BodyMeasurements {
  weightKg: number
  heightCm?: number
  sex?: Sex
}

const cmPerInch = 2.54
// Devine (§2): 50 kg (M) / 45.5 kg (F) + 2.3 kg per inch over 60 in.
const devineBaseKg: Record<Sex, number> = { M: 50, F: 45.5 }
const devineKgPerInch = 2.3
const devineBaseInches = 60
// §2: adjusted = IBW + 0.4 × (actual − IBW).
const adjustedFraction = 0.4

export interface DosingWeight {
  basis: WeightBasis
  /** The weight the dose is computed on: the basis weight, never above actual without an override (§2). */
  dosingWeightKg: number
  /** The weight on the chosen basis before the cap at actual weight. */
  basisWeightKg: number
  actualWeightKg: number
  /** The basis weight exceeded actual weight, so the dose is computed on actual weight (§2). */
  isCappedAtActual: boolean
  idealWeightKg?: number
  adjustedWeightKg?: number
  /** Devine is defined from 60 in (152.4 cm); below it the line is extrapolated. */
  isBelowDevineRange: boolean
}

export function idealBodyWeightKg(heightCm: number | undefined, sex: Sex | undefined): number {
  if (heightCm === undefined)
    throw new DomainValidationError('heightCm', 'is required for ideal or adjusted body weight')
  const height = checkInput('heightCm', heightCm)
  if (sex !== 'F' && sex !== 'M')
    throw new DomainValidationError('sex', 'F or M is required for ideal body weight')
  const ibw = devineBaseKg[sex] + devineKgPerInch * (height / cmPerInch - devineBaseInches)
  if (ibw <= 0) throw new DomainValidationError('heightCm', 'too short for the Devine formula')
  return ibw
}

export function adjustedBodyWeightKg(
  weightKg: number,
  heightCm: number | undefined,
  sex: Sex | undefined,
): number {
  const ibw = idealBodyWeightKg(heightCm, sex)
  return ibw + adjustedFraction * (weightKg - ibw)
}

export interface DosingWeightOptions {
  /**
   * Dose on the basis weight even where it exceeds actual weight. Only with a prescriber's signed
   * override with a reason (§2): an ideal-weight dose for an underweight patient is an overdose.
   */
  isAboveActualAllowed?: boolean
}

/**
 * The weight a mg/kg dose is multiplied by, on the basis the clinic chose. Whatever the basis, it
 * is never above actual weight unless an override allows it (§2).
 */
export function dosingWeight(
  body: BodyMeasurements,
  basis: WeightBasis = defaultWeightBasis,
  options: DosingWeightOptions = {},
): DosingWeight {
  const actual = checkInput('weightKg', body.weightKg)
  const isBelowDevineRange = body.heightCm !== undefined && body.heightCm < devineBaseInches * cmPerInch
  if (basis === 'actual')
    return {
      basis,
      dosingWeightKg: actual,
      basisWeightKg: actual,
      actualWeightKg: actual,
      isCappedAtActual: false,
      isBelowDevineRange,
    }
  const ideal = idealBodyWeightKg(body.heightCm, body.sex)
  const adjusted = ideal + adjustedFraction * (actual - ideal)
  const basisWeightKg = basis === 'ideal' ? ideal : adjusted
  const isCappedAtActual = basisWeightKg > actual && options.isAboveActualAllowed !== true
  return {
    basis,
    dosingWeightKg: isCappedAtActual ? actual : basisWeightKg,
    basisWeightKg,
    actualWeightKg: actual,
    isCappedAtActual,
    idealWeightKg: ideal,
    adjustedWeightKg: adjusted,
    isBelowDevineRange,
  }
}
