import {
  calculateProtocolDose,
  devicesForDose,
  type EsketamineProtocol,
  esketamineStartDose,
  findProtocol,
  type IvDose,
  type IvProtocol,
  listProtocols,
  phaseDoseOptionsMg,
  type Sex,
  type WeightBasis,
} from '../../domain/dosing'
import { DomainValidationError } from '../../domain/errors'
import type { CliCommand, CliIo } from '../command'
import { numberOption, parseOptions, UsageError } from '../command'
import { limitedOption } from '../limited-option'

const help = `
Usage: ketacare dose --protocol <id> --weight-kg W [--height-cm H --sex F|M --basis actual|ideal|adjusted]
                     [--dose-mg-per-kg D] [--vial-mg-per-ml C] [--age-years A] [--json]
       ketacare dose --list [--json]

IV protocols: dose (mg), rate (mg/min; mL/h and volume with --vial-mg-per-ml) and warnings. The
weight basis is a clinic setting (clinical-reference.md §2, default actual); ideal and adjusted need
--height-cm and --sex. Whatever the basis, the dosing weight is never above actual weight, and the
titration ceiling (1.0 mg/kg ⚠️ unverified default) is judged per kg of ACTUAL weight: the output
gives the ceiling in mg and mg/kg of actual weight and isAboveCeiling. Going beyond either needs a
prescriber's signed override in the app. --dose-mg-per-kg defaults to the protocol's dose.
Limits: weight 20–350 kg, height 100–250 cm, dose > 0 and ≤ 3 mg/kg, vial 0.1–100 mg/mL.
Esketamine protocols: the schedule by phase with devices per dose (28 mg each, 5 min apart);
--age-years applies the ≥ 65 start dose of 28 mg, then 28, 56 or 84 mg (§3, EU SmPC 4.2).
`

const options = {
  protocol: { type: 'string' },
  'weight-kg': { type: 'string' },
  'dose-mg-per-kg': { type: 'string' },
  'height-cm': { type: 'string' },
  sex: { type: 'string' },
  basis: { type: 'string' },
  'vial-mg-per-ml': { type: 'string' },
  'age-years': { type: 'string' },
  list: { type: 'boolean' },
  json: { type: 'boolean' },
} as const

// Domain field → option, so a DomainValidationError names what the user typed.
const optionForField: Record<string, string> = {
  weightKg: 'weight-kg',
  doseMgPerKg: 'dose-mg-per-kg',
  heightCm: 'height-cm',
  sex: 'sex',
  vialMgPerMl: 'vial-mg-per-ml',
  ageYears: 'age-years',
  protocol: 'protocol',
}

function withUsageErrors<T>(fn: () => T): T {
  try {
    return fn()
  } catch (error) {
    if (!(error instanceof DomainValidationError)) throw error
    throw new UsageError(`--${optionForField[error.field] ?? error.field} ${error.reason}`)
  }
}

const fmt = (x: number, digits = 1) => String(Number(x.toFixed(digits)))

function printList(io: CliIo, asJson: boolean): void {
  const rows = listProtocols().map((p) => ({ id: p.id, route: p.route, name: p.name }))
  if (asJson) {
    io.out(`${JSON.stringify(rows)}\n`)
    return
  }
  const idWidth = Math.max(2, ...rows.map((r) => r.id.length)) + 2
  io.out(`${'id'.padEnd(idWidth)}${'route'.padEnd(14)}name\n`)
  for (const r of rows) io.out(`${r.id.padEnd(idWidth)}${r.route.padEnd(14)}${r.name}\n`)
}

function printIvDose(io: CliIo, protocol: IvProtocol, dose: IvDose): void {
  const lines: [string, string][] = [
    ['Protocol', `${protocol.name} (${protocol.id})`],
    [
      'Dosing weight',
      `${fmt(dose.dosingWeightKg)} kg (${dose.basis}; actual ${fmt(dose.actualWeightKg)} kg${dose.isCappedAtActual ? `; ${dose.basis} ${fmt(dose.basisWeightKg)} kg capped at actual, §2` : ''})`,
    ],
    [
      'Dose',
      `${fmt(dose.doseMg, 2)} mg (${dose.doseMgPerKg} mg/kg of dosing weight = ${fmt(dose.doseMgPerKgOfActual, 3)} mg/kg of actual weight)`,
    ],
    ['Infusion', `${dose.infusionMin} min at ${fmt(dose.rateMgPerMin, 3)} mg/min`],
  ]
  if (dose.volumeMl !== undefined && dose.rateMlPerH !== undefined) {
    lines.push(['Volume', `${fmt(dose.volumeMl, 2)} mL`], ['Pump rate', `${fmt(dose.rateMlPerH, 2)} mL/h`])
  }
  lines.push(
    [
      'Ceiling',
      `${fmt(dose.ceilingMg, 2)} mg = ${dose.ceilingMgPerKg} mg/kg of actual weight (unverified default, §2)`,
    ],
    [
      'Above ceiling',
      dose.isAboveCeiling ? 'YES — needs a prescriber’s signed override with a reason' : 'no',
    ],
  )
  lines.push([
    'Course',
    `${protocol.courseSessions} sessions; ${protocol.cadences.map((c) => `${c.sessionsPerWeek}/week over ${c.courseDays} days`).join(' or ')}`,
  ])
  for (const [label, value] of lines) io.out(`${`${label}:`.padEnd(15)}${value}\n`)
  io.out(dose.warnings.length === 0 ? 'Warnings:      none\n' : 'Warnings:\n')
  for (const w of dose.warnings) io.out(`  [${w.severity}] ${w.message}\n`)
}

function esketamineSummary(protocol: EsketamineProtocol, ageYears: number | undefined) {
  const start = ageYears === undefined ? undefined : esketamineStartDose(protocol, ageYears)
  const firstDoseMg = start?.doseMg ?? protocol.firstDoseMg
  return {
    protocol: protocol.id,
    name: protocol.name,
    firstDose: { ...devicesForDose(firstDoseMg), isOlderAdultStart: start?.isOlderAdultStart ?? false },
    phases: protocol.phases.map((p) => ({
      name: p.name,
      weeks: p.toWeek === null ? `${p.fromWeek}+` : `${p.fromWeek}–${p.toWeek}`,
      frequencies: p.frequencies,
      doses: phaseDoseOptionsMg(protocol, p, ageYears ?? null).map((mg) => devicesForDose(mg)),
    })),
  }
}

export const doseCommand: CliCommand = {
  name: 'dose',
  summary: 'Calculate a dose for a protocol, or list protocols',
  help,
  async run(argv: string[], io: CliIo): Promise<number> {
    const { values } = parseOptions(argv, options)
    const asJson = values.json === true
    if (values.list) {
      printList(io, asJson)
      return 0
    }
    if (values.protocol === undefined) throw new UsageError('--protocol is required (or --list)')
    const protocol = withUsageErrors(() => findProtocol(values.protocol!))
    const ageYears =
      values['age-years'] === undefined ? undefined : numberOption(values['age-years'], 'age-years')

    if (protocol.route === 'intranasal') {
      const summary = withUsageErrors(() => esketamineSummary(protocol, ageYears))
      if (asJson) {
        io.out(`${JSON.stringify(summary)}\n`)
        return 0
      }
      const first = summary.firstDose
      io.out(`Protocol:   ${summary.name} (${summary.protocol})\n`)
      io.out(
        `First dose: ${first.doseMg} mg = ${first.deviceCount} device(s)${first.isOlderAdultStart ? ' (age ≥ 65 start, §3)' : ''}\n`,
      )
      for (const p of summary.phases) {
        const doses = p.doses
          .map((d) => `${d.doseMg} mg = ${d.deviceCount} device(s) at ${d.deviceOffsetsMin.join('/')} min`)
          .join('; ')
        io.out(
          `  ${p.name.padEnd(13)} weeks ${p.weeks.padEnd(5)} ${p.frequencies.join(' or ').padEnd(24)} ${doses}\n`,
        )
      }
      return 0
    }

    const weightKg = limitedOption(values['weight-kg'], 'weight-kg', 'weightKg')
    const heightCm =
      values['height-cm'] === undefined
        ? undefined
        : limitedOption(values['height-cm'], 'height-cm', 'heightCm')
    const vialMgPerMl =
      values['vial-mg-per-ml'] === undefined
        ? undefined
        : limitedOption(values['vial-mg-per-ml'], 'vial-mg-per-ml', 'vialMgPerMl')
    const doseMgPerKg =
      values['dose-mg-per-kg'] === undefined
        ? undefined
        : limitedOption(values['dose-mg-per-kg'], 'dose-mg-per-kg', 'doseMgPerKg')
    const sex = values.sex?.toUpperCase()
    if (sex !== undefined && sex !== 'F' && sex !== 'M')
      throw new UsageError(`--sex must be F or M, got "${values.sex}"`)
    const basis = values.basis ?? 'actual'
    if (basis !== 'actual' && basis !== 'ideal' && basis !== 'adjusted') {
      throw new UsageError(`--basis must be actual, ideal or adjusted, got "${values.basis}"`)
    }
    const dose = withUsageErrors(() =>
      calculateProtocolDose(protocol, {
        body: {
          weightKg,
          ...(heightCm === undefined ? {} : { heightCm }),
          ...(sex === undefined ? {} : { sex: sex as Sex }),
        },
        basis: basis as WeightBasis,
        ...(doseMgPerKg === undefined ? {} : { doseMgPerKg }),
        ...(vialMgPerMl === undefined ? {} : { vialMgPerMl }),
      }),
    )
    if (asJson) io.out(`${JSON.stringify({ protocol: protocol.id, ...dose })}\n`)
    else printIvDose(io, protocol, dose)
    return 0
  },
}
