import { DomainValidationError } from '../errors'

export type Sex = 'F' | 'M'

/** §2 ⚠️: the weight basis for obese patients is not settled — a clinic setting, default actual. */
export type WeightBasis = 'actual' | 'ideal' | 'adjusted'
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
  dosingWeightKg: number
  actualWeightKg: number
  idealWeightKg?: number
  adjustedWeightKg?: number
  /** Devine is defined from 60 in (152.4 cm); below it the line is extrapolated. */
  isBelowDevineRange: boolean
}

function requireRange(value: number | undefined, field: string, min: number, max: number): number {
  if (value === undefined)
    throw new DomainValidationError(field, 'is required for ideal or adjusted body weight')
  if (!Number.isFinite(value) || value <= min || value > max) {
    throw new DomainValidationError(field, `must be a number > ${min} and ≤ ${max}`)
  }
  return value
}

export function idealBodyWeightKg(heightCm: number | undefined, sex: Sex | undefined): number {
  const height = requireRange(heightCm, 'heightCm', 50, 272)
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

/** The weight a mg/kg dose is multiplied by, on the basis the clinic chose. */
export function dosingWeight(body: BodyMeasurements, basis: WeightBasis = defaultWeightBasis): DosingWeight {
  const actual = requireRange(body.weightKg, 'weightKg', 0, 400)
  const isBelowDevineRange = body.heightCm !== undefined && body.heightCm < devineBaseInches * cmPerInch
  if (basis === 'actual') return { basis, dosingWeightKg: actual, actualWeightKg: actual, isBelowDevineRange }
  const ideal = idealBodyWeightKg(body.heightCm, body.sex)
  const adjusted = ideal + adjustedFraction * (actual - ideal)
  return {
    basis,
    dosingWeightKg: basis === 'ideal' ? ideal : adjusted,
    actualWeightKg: actual,
    idealWeightKg: ideal,
    adjustedWeightKg: adjusted,
    isBelowDevineRange,
  }
}
