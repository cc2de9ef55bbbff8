import { DomainValidationError } from '../errors'
import { type DateInput, toDayNumber, toIsoDate } from './dates'
import {
  type EsketaminePhase,
  type EsketamineProtocol,
  esketamineDeviceMg,
  type Frequency,
} from './protocols'

// §3 ✅: 2 sprays per device, 5 min between devices.
const spraysPerDevice = 2
export const minutesBetweenDevices = 5

export interface DevicePlan {
  doseMg: number
  deviceCount: number
  sprayCount: number
  /** Minutes after the first device at which each device is used. */
  deviceOffsetsMin: number[]
}

export function devicesForDose(doseMg: number): DevicePlan {
  const deviceCount = doseMg / esketamineDeviceMg
  if (!Number.isInteger(deviceCount) || deviceCount < 1 || deviceCount > 3) {
    throw new DomainValidationError(
      'doseMg',
      `must be 28, 56 or 84 mg (1–3 devices of ${esketamineDeviceMg} mg)`,
    )
  }
  return {
    doseMg,
    deviceCount,
    sprayCount: deviceCount * spraysPerDevice,
    deviceOffsetsMin: Array.from({ length: deviceCount }, (_, i) => i * minutesBetweenDevices),
  }
}

export interface OlderAdultStartDoseSetting {
  isEnabled: boolean
  fromAgeYears: number
  doseMg: number
}

/** §3 ✅ (EU SmPC 4.2): from 65 years start at 28 mg. A clinic setting with these defaults. */
export const defaultOlderAdultStartDose: OlderAdultStartDoseSetting = Object.freeze({
  isEnabled: true,
  fromAgeYears: 65,
  doseMg: 28,
})

// §3 ✅ (EU SmPC 4.2): after the 28 mg start, older adults take 28, 56 or 84 mg.
export const olderAdultDoseOptionsMg: readonly number[] = Object.freeze([28, 56, 84])

export interface StartDose {
  doseMg: number
  /** True when the ≥ 65 start dose applies (§3 ✅ EU SmPC 4.2). */
  isOlderAdultStart: boolean
  reason: string
}

function checkAge(ageYears: number): void {
  if (!Number.isFinite(ageYears) || ageYears < 0 || ageYears > 130) {
    throw new DomainValidationError('ageYears', 'must be a number from 0 to 130')
  }
}

function isOlderAdult(protocol: EsketamineProtocol, ageYears: number, setting: OlderAdultStartDoseSetting) {
  checkAge(ageYears)
  return protocol.hasOlderAdultStartDose && setting.isEnabled && ageYears >= setting.fromAgeYears
}

/** The doses a phase allows for this patient: the phase's own, or 28/56/84 mg from 65 (§3 ✅). */
export function phaseDoseOptionsMg(
  protocol: EsketamineProtocol,
  phase: EsketaminePhase,
  ageYears: number | null,
  setting: OlderAdultStartDoseSetting = defaultOlderAdultStartDose,
): number[] {
  return ageYears !== null && isOlderAdult(protocol, ageYears, setting)
    ? [...olderAdultDoseOptionsMg]
    : [...phase.doseOptionsMg]
}

/** Every dose a plan on this protocol may use for this patient, smallest first. */
export function esketamineDoseOptionsMg(
  protocol: EsketamineProtocol,
  ageYears: number | null,
  setting: OlderAdultStartDoseSetting = defaultOlderAdultStartDose,
): number[] {
  const start =
    ageYears === null ? protocol.firstDoseMg : esketamineStartDose(protocol, ageYears, setting).doseMg
  const all = protocol.phases.flatMap((p) => phaseDoseOptionsMg(protocol, p, ageYears, setting)).concat(start)
  return [...new Set(all)].sort((a, b) => a - b)
}

export function esketamineStartDose(
  protocol: EsketamineProtocol,
  ageYears: number,
  setting: OlderAdultStartDoseSetting = defaultOlderAdultStartDose,
): StartDose {
  if (isOlderAdult(protocol, ageYears, setting)) {
    return {
      doseMg: setting.doseMg,
      isOlderAdultStart: true,
      reason: `Age ≥ ${setting.fromAgeYears}: start ${setting.doseMg} mg, then 28, 56 or 84 mg (EU SmPC 4.2).`,
    }
  }
  return {
    doseMg: protocol.firstDoseMg,
    isOlderAdultStart: false,
    reason: `Protocol first dose (${protocol.source}).`,
  }
}

export interface PhaseOnDate {
  phase: EsketaminePhase
  /** 1-based treatment week counted from the first session. */
  weekNumber: number
}

/** The phase a date falls in, or null before the first session or after a finite protocol ends. */
export function phaseForDate(
  protocol: EsketamineProtocol,
  firstSession: DateInput,
  date: DateInput,
): PhaseOnDate | null {
  return phaseForDayOffset(protocol, toDayNumber(date, 'date') - toDayNumber(firstSession, 'firstSession'))
}

function phaseForDayOffset(protocol: EsketamineProtocol, days: number): PhaseOnDate | null {
  if (days < 0) return null
  const weekNumber = Math.floor(days / 7) + 1
  const phase = protocol.phases.find(
    (p) => weekNumber >= p.fromWeek && (p.toWeek === null || weekNumber <= p.toWeek),
  )
  return phase ? { phase, weekNumber } : null
}

export interface NextDue {
  date: string
  weekNumber: number
  phase: EsketaminePhase['name']
  frequency: Frequency
  /** §3: the first session after induction is where benefit is assessed. */
  isBenefitReview: boolean
}

export interface NextDueOptions {
  /** Which of a phase's allowed frequencies to use (e.g. weekly in continuation); default: the phase's first. */
  preferredFrequency?: Frequency
  count?: number
}

/**
 * Twice weekly alternates 3- and 4-day gaps (Mon/Thu); the gap after the last session is the one
 * the previous gap was not. Weekly is 7 days, every 2 weeks 14.
 */
function gapDays(frequency: Frequency, previousGapDays: number | null): number {
  switch (frequency) {
    case 'twice-weekly':
      return previousGapDays === 3 ? 4 : 3
    case 'weekly':
      return 7
    case 'every-2-weeks':
      return 14
  }
}

/** Projects the next `count` due dates from the sessions so far (any order, duplicates ignored). */
export function nextDueDates(
  protocol: EsketamineProtocol,
  pastSessions: readonly DateInput[],
  options: NextDueOptions = {},
): NextDue[] {
  const count = options.count ?? 1
  if (!Number.isInteger(count) || count < 1 || count > 100)
    throw new DomainValidationError('count', 'must be an integer from 1 to 100')
  if (pastSessions.length === 0)
    throw new DomainValidationError('pastSessions', 'needs at least the first session date')
  const days = [...new Set(pastSessions.map((d, i) => toDayNumber(d, `pastSessions.${i}`)))].sort(
    (a, b) => a - b,
  )
  const first = days[0]!
  const due: NextDue[] = []
  while (due.length < count) {
    const last = days[days.length - 1]!
    const previous = days.length > 1 ? days[days.length - 2]! : null
    const current = phaseForDayOffset(protocol, last - first)
    if (!current) break
    const frequency = pickFrequency(current.phase, options.preferredFrequency)
    const next = last + gapDays(frequency, previous === null ? null : last - previous)
    const upcoming = phaseForDayOffset(protocol, next - first)
    if (!upcoming) break
    due.push({
      date: toIsoDate(next),
      weekNumber: upcoming.weekNumber,
      phase: upcoming.phase.name,
      frequency: pickFrequency(upcoming.phase, options.preferredFrequency),
      isBenefitReview:
        protocol.assessBenefitAfterWeek !== null &&
        current.weekNumber <= protocol.assessBenefitAfterWeek &&
        upcoming.weekNumber > protocol.assessBenefitAfterWeek,
    })
    days.push(next)
  }
  return due
}

function pickFrequency(phase: EsketaminePhase, preferred: Frequency | undefined): Frequency {
  return preferred !== undefined && phase.frequencies.includes(preferred) ? preferred : phase.frequencies[0]!
}

export interface BenefitReview {
  /** The day the protocol's benefit review falls due: `afterWeek` whole weeks after the first session. */
  date: string
  afterWeek: number
}

/**
 * §3 ✅: benefit is assessed at the end of induction (TRD) and after 4 weeks (suicidal ideation).
 * Null when the protocol names no review.
 */
export function benefitReviewDue(
  protocol: EsketamineProtocol,
  firstSession: DateInput,
): BenefitReview | null {
  if (protocol.assessBenefitAfterWeek === null) return null
  return {
    date: toIsoDate(toDayNumber(firstSession, 'firstSession') + protocol.assessBenefitAfterWeek * 7),
    afterWeek: protocol.assessBenefitAfterWeek,
  }
}
