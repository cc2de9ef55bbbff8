import type { DoseLimit, DoseSettings, IvDose } from './dose'

/**
 * The two §2 limits on an IV racemic ketamine dose. Going beyond either needs a prescriber's signed
 * override with a reason: a dosing weight above actual body weight, and a dose above the titration
 * ceiling per kg of ACTUAL weight.
 */
export const doseLimits: readonly DoseLimit[] = ['titration-ceiling', 'dosing-weight-above-actual']

export const doseLimitLabels: Record<DoseLimit, string> = {
  'titration-ceiling': 'titration ceiling (mg/kg of actual weight)',
  'dosing-weight-above-actual': 'dosing weight above actual weight',
}

export interface DoseLimitFinding {
  limit: DoseLimit
  /** The input that goes beyond the limit (a plan or API field name). */
  field: string
  message: string
}

export interface PlanDoseRequest {
  doseMgPerKg: number
  maxDoseMgPerKg: number
  /** The plan asks to dose on the ideal or adjusted weight even where it exceeds actual weight. */
  isAboveActualAllowed: boolean
}

const tolerance = 1e-9
const above = (value: number, limit: number) => value > limit * (1 + tolerance)

/**
 * The limits a plan goes beyond (§2): from its own numbers, and at the latest weight when a dose
 * there is given (ideal-weight dosing above actual can put the mg/kg of actual over the ceiling).
 */
export function planDoseFindings(
  plan: PlanDoseRequest,
  settings: DoseSettings,
  doseAtLatestWeight?: IvDose,
): DoseLimitFinding[] {
  const ceiling = settings.titrationCeilingMgPerKg
  const findings: DoseLimitFinding[] = []
  if (above(plan.doseMgPerKg, ceiling))
    findings.push({
      limit: 'titration-ceiling',
      field: 'doseMgPerKg',
      message: `${plan.doseMgPerKg} mg/kg is above the titration ceiling of ${ceiling} mg/kg of actual weight`,
    })
  if (above(plan.maxDoseMgPerKg, ceiling))
    findings.push({
      limit: 'titration-ceiling',
      field: 'maxDoseMgPerKg',
      message: `a titration limit of ${plan.maxDoseMgPerKg} mg/kg is above the titration ceiling of ${ceiling} mg/kg of actual weight`,
    })
  if (plan.isAboveActualAllowed)
    findings.push({
      limit: 'dosing-weight-above-actual',
      field: 'doseAboveActualWeight',
      message: "dosing on a weight above actual body weight goes beyond the clinic's dose limit",
    })
  if (doseAtLatestWeight?.isAboveCeiling && !findings.some((f) => f.field === 'doseMgPerKg'))
    findings.push({
      limit: 'titration-ceiling',
      field: 'doseMgPerKg',
      message: `at the latest weight (${doseAtLatestWeight.actualWeightKg} kg) the dose is ${doseAtLatestWeight.doseMgPerKgOfActual.toFixed(2)} mg/kg of actual weight, above the titration ceiling of ${ceiling} mg/kg`,
    })
  return findings
}

/** What a signed plan override allows: its limits, and the ceiling one up to the plan's titration limit. */
export interface ApprovedDoseOverride {
  limits: readonly DoseLimit[]
  upToMgPerKgOfActual: number
}

/** The limits a computed dose goes beyond that an approved override does not cover. */
export function uncoveredLimits(dose: IvDose, approved: ApprovedDoseOverride | null): DoseLimitFinding[] {
  const findings: DoseLimitFinding[] = []
  const allows = (limit: DoseLimit) => approved?.limits.includes(limit) === true
  if (
    dose.isAboveCeiling &&
    !(allows('titration-ceiling') && !above(dose.doseMgPerKgOfActual, approved!.upToMgPerKgOfActual))
  )
    findings.push({
      limit: 'titration-ceiling',
      field: 'override',
      message: `${dose.doseMg.toFixed(1)} mg is ${dose.doseMgPerKgOfActual.toFixed(2)} mg/kg of actual weight (${dose.actualWeightKg} kg), above the titration ceiling of ${dose.ceilingMgPerKg} mg/kg of actual weight${allows('titration-ceiling') ? ` and above the ${approved!.upToMgPerKgOfActual} mg/kg the plan's override allows` : ''}`,
    })
  if (dose.limitsExceeded.includes('dosing-weight-above-actual') && !allows('dosing-weight-above-actual'))
    findings.push({
      limit: 'dosing-weight-above-actual',
      field: 'override',
      message: `the dosing weight ${dose.dosingWeightKg.toFixed(1)} kg is above the actual weight ${dose.actualWeightKg} kg`,
    })
  return findings
}
