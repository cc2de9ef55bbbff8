import { DomainValidationError } from '../../domain/errors'
import {
  getPkModel,
  isPkModelId,
  ivInfusion,
  nmdaOccupancy,
  type PopulationBands,
  pkModels,
  racemicKetamineKiUm,
  simulatePk,
  simulatePopulation,
} from '../../domain/pharmacology'
import type { CliCommand, CliIo } from '../command'
import { numberOption, parseOptions, UsageError } from '../command'
import { limitedOption } from '../limited-option'

const help = `
Usage: ketacare pk --model domino|clements --weight-kg W --dose-mg-per-kg D --infusion-min M
                   [--until-min T] [--step-min S] [--population N --seed S] [--json]

Predicted ketamine plasma and effect-site concentration (ng/mL) for one IV infusion, with an
illustrative NMDA occupancy C/(C + Ki) at the effect site, Ki ${racemicKetamineKiUm.toFixed(2)} µM (racemic, clinical-reference.md §5).
The ke0 of both models is unverified (⚠️). Not a measurement and not medical advice.

  --model             ${Object.keys(pkModels).join(' | ')}
  --weight-kg         body weight, kg (20–350)
  --dose-mg-per-kg    dose, mg/kg (e.g. 0.5; more than 0, at most 3)
  --infusion-min      infusion duration, minutes (e.g. 40; 1–240)
  --until-min         last time point, minutes (default 120; 1–2880)
  --step-min          time step, minutes (default 5; 0.1–240)
  --population N      also simulate N virtual patients (log-normal variability, ω 0.3 ⚠️) and
                      print p5/p50/p95 plasma columns
  --seed S            integer seed for --population (default 1); same seed, same bands
  --json              print one JSON object with a "points" array
`

const options = {
  model: { type: 'string' },
  'weight-kg': { type: 'string' },
  'dose-mg-per-kg': { type: 'string' },
  'infusion-min': { type: 'string' },
  'until-min': { type: 'string' },
  'step-min': { type: 'string' },
  population: { type: 'string' },
  seed: { type: 'string' },
  json: { type: 'boolean' },
} as const

// Domain field → the option a user typed, so errors name what they can fix.
const optionForField: Record<string, string> = {
  weightKg: 'weight-kg',
  stepMin: 'step-min',
  untilMin: 'until-min',
  subjectCount: 'population',
  seed: 'seed',
}

const round = (x: number, digits: number) => Number(x.toFixed(digits))

export const pkCommand: CliCommand = {
  name: 'pk',
  summary: 'Predict ketamine plasma/effect-site levels for an IV infusion',
  help,
  async run(argv: string[], io: CliIo): Promise<number> {
    const { values } = parseOptions(argv, options)
    const modelId = values.model
    if (modelId === undefined) throw new UsageError('--model is required (domino or clements)')
    if (!isPkModelId(modelId))
      throw new UsageError(`--model must be one of ${Object.keys(pkModels).join(', ')}, got "${modelId}"`)
    const weightKg = limitedOption(values['weight-kg'], 'weight-kg', 'weightKg')
    const doseMgPerKg = limitedOption(values['dose-mg-per-kg'], 'dose-mg-per-kg', 'doseMgPerKg')
    const infusionMin = limitedOption(values['infusion-min'], 'infusion-min', 'infusionMin')
    const untilMin = limitedOption(values['until-min'], 'until-min', 'untilMin', 120)
    const stepMin = limitedOption(values['step-min'], 'step-min', 'stepMin', 5)
    const subjects =
      values.population === undefined ? undefined : numberOption(values.population, 'population')
    if (subjects !== undefined && (!Number.isInteger(subjects) || subjects < 1)) {
      throw new UsageError(`--population must be a positive whole number, got "${values.population}"`)
    }
    const seed = numberOption(values.seed, 'seed', 1)
    if (!Number.isInteger(seed)) throw new UsageError(`--seed must be a whole number, got "${values.seed}"`)

    const model = getPkModel(modelId)
    const doseMg = doseMgPerKg * weightKg
    const events = ivInfusion(doseMg, infusionMin)
    const grid = { untilMin, stepMin }
    let curve: ReturnType<typeof simulatePk>
    let bands: PopulationBands | undefined
    try {
      curve = simulatePk({ model, weightKg, events, grid })
      if (subjects !== undefined)
        bands = simulatePopulation({ model, weightKg, events, grid, subjectCount: subjects, seed })
    } catch (error) {
      if (!(error instanceof DomainValidationError)) throw error
      throw new UsageError(`--${optionForField[error.field] ?? error.field} ${error.reason}`)
    }

    const points = Array.from(curve.tMin, (tMin, i) => ({
      tMin: round(tMin, 4),
      plasmaNgPerMl: round(curve.plasmaNgPerMl[i]!, 3),
      effectNgPerMl: round(curve.effectNgPerMl[i]!, 3),
      // Receptors sit in the biophase, so occupancy follows the effect-site level, not plasma.
      nmdaOccupancy: round(nmdaOccupancy(curve.effectNgPerMl[i]!), 4),
      ...(bands
        ? {
            p5PlasmaNgPerMl: round(bands.p5PlasmaNgPerMl[i]!, 3),
            p50PlasmaNgPerMl: round(bands.p50PlasmaNgPerMl[i]!, 3),
            p95PlasmaNgPerMl: round(bands.p95PlasmaNgPerMl[i]!, 3),
          }
        : {}),
    }))

    if (values.json) {
      const result = {
        model: model.id,
        weightKg,
        doseMgPerKg,
        doseMg: round(doseMg, 3),
        infusionMin,
        isKe0Unverified: model.isKe0Unverified,
        occupancy: { kiUm: round(racemicKetamineKiUm, 4), isIllustrative: true },
        ...(bands
          ? { population: { subjectCount: bands.subjectCount, seed: bands.seed, omega: bands.omega } }
          : {}),
        points,
      }
      io.out(`${JSON.stringify(result)}\n`)
      return 0
    }

    const columns = Object.keys(points[0]!) as (keyof (typeof points)[number])[]
    const cells = points.map((p) =>
      columns.map((c) =>
        c === 'nmdaOccupancy' ? p[c]!.toFixed(3) : c === 'tMin' ? String(p[c]) : p[c]!.toFixed(1),
      ),
    )
    const widths = columns.map((c, i) => Math.max(c.length, ...cells.map((row) => row[i]!.length)))
    io.out(`${columns.map((c, i) => c.padStart(widths[i]!)).join('  ')}\n`)
    for (const row of cells) io.out(`${row.map((cell, i) => cell.padStart(widths[i]!)).join('  ')}\n`)
    io.out(
      `\n${model.name}; ${round(doseMg, 2)} mg over ${infusionMin} min for ${weightKg} kg. ke0 unverified (⚠️). ` +
        `nmdaOccupancy is illustrative (Ki ${racemicKetamineKiUm.toFixed(2)} µM).` +
        (bands
          ? ` Population: ${bands.subjectCount} virtual patients, seed ${bands.seed}, ω ${bands.omega}.`
          : '') +
        '\n',
    )
    return 0
  },
}
