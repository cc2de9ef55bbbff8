import { DomainValidationError } from '../errors'

export type Frequency = 'twice-weekly' | 'weekly' | 'every-2-weeks'

/** One way to space an IV course (§2 lists two studied cadences). */
export interface IvCadence {
  id: string
  sessionsPerWeek: number
  courseDays: number
  source: string
}

export interface IvProtocol {
  id: string
  name: string
  route: 'iv-infusion'
  drug: 'racemic-ketamine'
  doseMgPerKg: number
  infusionMin: number
  courseSessions: number
  /** The first cadence is the default. */
  cadences: IvCadence[]
  /** §2 (APA): no response after this many infusions ⇒ flag for review. */
  reviewAfterSessionsWithoutResponse: number
  isCustom: boolean
  source: string
}

export interface EsketaminePhase {
  name: 'induction' | 'maintenance' | 'continuation'
  /** Treatment weeks, 1-based and inclusive; toWeek null = open-ended. */
  fromWeek: number
  toWeek: number | null
  /** The first option is the default. */
  frequencies: Frequency[]
  doseOptionsMg: number[]
}

export interface EsketamineProtocol {
  id: string
  name: string
  route: 'intranasal'
  drug: 'esketamine'
  /** Dose of the very first session (§3: day 1 = 56 mg for TRD). */
  firstDoseMg: number
  phases: EsketaminePhase[]
  /** §3: "assess benefit at the end of induction". */
  assessBenefitAfterWeek: number | null
  /** Whether the ≥ 65 start dose (§3 ✅ EU SmPC 4.2: start 28 mg, then 28/56/84) applies. */
  hasOlderAdultStartDose: boolean
  isCustom: boolean
  source: string
}

export type Protocol = IvProtocol | EsketamineProtocol

// §3: one device = 28 mg (2 sprays).
export const esketamineDeviceMg = 28

const ivRacemicStandard: IvProtocol = {
  id: 'iv-racemic-standard',
  name: 'IV racemic ketamine 0.5 mg/kg over 40 min, course of 6',
  route: 'iv-infusion',
  drug: 'racemic-ketamine',
  doseMgPerKg: 0.5, // §2 ✅ APA consensus (Sanacora 2017)
  infusionMin: 40, // §2 ✅
  courseSessions: 6, // §2 ✅ Murrough 2013, ELEKT-D
  cadences: [
    { id: 'three-weekly-12-days', sessionsPerWeek: 3, courseDays: 12, source: '§2 Murrough 2013 ✅' },
    { id: 'twice-weekly-3-weeks', sessionsPerWeek: 2, courseDays: 21, source: '§2 ELEKT-D ✅' },
  ],
  reviewAfterSessionsWithoutResponse: 3, // §2 ✅ APA
  isCustom: false,
  source: 'clinical-reference.md §2',
}

const esketamineTrd: EsketamineProtocol = {
  id: 'esketamine-trd',
  name: 'Esketamine nasal spray, TRD label schedule (adults < 65)',
  route: 'intranasal',
  drug: 'esketamine',
  firstDoseMg: 56, // §3 ✅ day 1 = 56 mg
  phases: [
    { name: 'induction', fromWeek: 1, toWeek: 4, frequencies: ['twice-weekly'], doseOptionsMg: [56, 84] }, // §3 ✅
    { name: 'maintenance', fromWeek: 5, toWeek: 8, frequencies: ['weekly'], doseOptionsMg: [56, 84] }, // §3 ✅
    // §3 ✅: every 2 weeks or weekly, the least frequent that keeps the response.
    {
      name: 'continuation',
      fromWeek: 9,
      toWeek: null,
      frequencies: ['every-2-weeks', 'weekly'],
      doseOptionsMg: [56, 84],
    },
  ],
  assessBenefitAfterWeek: 4, // §3 ✅ end of induction
  hasOlderAdultStartDose: true,
  isCustom: false,
  source: 'clinical-reference.md §3 (Spravato label)',
}

const esketamineSuicidalIdeation: EsketamineProtocol = {
  id: 'esketamine-suicidal-ideation',
  name: 'Esketamine nasal spray, depression with acute suicidal ideation',
  route: 'intranasal',
  drug: 'esketamine',
  firstDoseMg: 84, // §3 ✅ 84 mg twice weekly for 4 weeks (label §2)
  // §3 ✅: 84 mg, reduced to 56 mg for tolerability; the first option is the default.
  phases: [
    { name: 'induction', fromWeek: 1, toWeek: 4, frequencies: ['twice-weekly'], doseOptionsMg: [84, 56] },
  ],
  assessBenefitAfterWeek: 4, // §3 ✅ assess benefit after 4 weeks
  // §3 gives the ≥ 65 start dose for the TRD schedule only.
  hasOlderAdultStartDose: false,
  isCustom: false,
  source: 'clinical-reference.md §3 (Spravato label)',
}

export const builtInProtocols: readonly Protocol[] = Object.freeze([
  ivRacemicStandard,
  esketamineTrd,
  esketamineSuicidalIdeation,
])

function fail(field: string, reason: string): never {
  throw new DomainValidationError(field, reason)
}

function checkId(id: string): void {
  if (!/^[a-z0-9][a-z0-9-]{1,62}$/.test(id)) fail('id', 'use 2–63 lowercase letters, digits and dashes')
  if (builtInProtocols.some((p) => p.id === id)) fail('id', `"${id}" is a built-in protocol`)
}

/** A clinic's own IV protocol. Range and ceiling checks happen per dose (dose.ts) as warnings. */
export function defineIvProtocol(input: Omit<IvProtocol, 'route' | 'drug' | 'isCustom'>): IvProtocol {
  checkId(input.id)
  if (!(input.doseMgPerKg > 0 && input.doseMgPerKg <= 5)) fail('doseMgPerKg', 'must be > 0 and ≤ 5')
  if (!(input.infusionMin > 0 && input.infusionMin <= 24 * 60)) fail('infusionMin', 'must be > 0 and ≤ 1440')
  if (!Number.isInteger(input.courseSessions) || input.courseSessions < 1)
    fail('courseSessions', 'must be a positive integer')
  if (input.cadences.length === 0) fail('cadences', 'needs at least one cadence')
  input.cadences.forEach((c, i) => {
    if (!(c.sessionsPerWeek > 0 && c.sessionsPerWeek <= 7))
      fail(`cadences.${i}.sessionsPerWeek`, 'must be > 0 and ≤ 7')
    if (!(c.courseDays > 0)) fail(`cadences.${i}.courseDays`, 'must be > 0')
  })
  return Object.freeze({ ...input, route: 'iv-infusion', drug: 'racemic-ketamine', isCustom: true })
}

/** A clinic's own esketamine schedule: contiguous phases from week 1, doses in whole devices. */
export function defineEsketamineProtocol(
  input: Omit<EsketamineProtocol, 'route' | 'drug' | 'isCustom'>,
): EsketamineProtocol {
  checkId(input.id)
  if (input.phases.length === 0) fail('phases', 'needs at least one phase')
  let nextWeek = 1
  input.phases.forEach((phase, i) => {
    if (phase.fromWeek !== nextWeek)
      fail(`phases.${i}.fromWeek`, `must be ${nextWeek} (phases are contiguous from week 1)`)
    if (phase.toWeek === null && i !== input.phases.length - 1)
      fail(`phases.${i}.toWeek`, 'only the last phase may be open-ended')
    if (phase.toWeek !== null && phase.toWeek < phase.fromWeek)
      fail(`phases.${i}.toWeek`, 'must be ≥ fromWeek')
    if (phase.frequencies.length === 0) fail(`phases.${i}.frequencies`, 'needs at least one frequency')
    if (phase.doseOptionsMg.length === 0) fail(`phases.${i}.doseOptionsMg`, 'needs at least one dose')
    phase.doseOptionsMg.forEach((mg, j) => {
      if (!isWholeDevices(mg))
        fail(
          `phases.${i}.doseOptionsMg.${j}`,
          `must be 28, 56 or 84 mg (whole ${esketamineDeviceMg} mg devices)`,
        )
    })
    nextWeek = (phase.toWeek ?? Number.POSITIVE_INFINITY) + 1
  })
  if (!isWholeDevices(input.firstDoseMg)) fail('firstDoseMg', 'must be 28, 56 or 84 mg')
  return Object.freeze({ ...input, route: 'intranasal', drug: 'esketamine', isCustom: true })
}

// §3: doses are 1–3 devices (28/56/84 mg).
function isWholeDevices(doseMg: number): boolean {
  return [28, 56, 84].includes(doseMg)
}

export function listProtocols(custom: readonly Protocol[] = []): Protocol[] {
  return [...builtInProtocols, ...custom]
}

export function findProtocol(id: string, custom: readonly Protocol[] = []): Protocol {
  const found = listProtocols(custom).find((p) => p.id === id)
  if (!found)
    fail(
      'protocol',
      `unknown protocol "${id}" (known: ${listProtocols(custom)
        .map((p) => p.id)
        .join(', ')})`,
    )
  return found
}
