/**
 * PK engine targets (task brief): 10,000 virtual patients × 6 h at 10-second resolution under 1 s
 * on one core, and one patient's 6-hour curve under 1 ms. Regimen: §2 standard 0.5 mg/kg over 40 min.
 */
import { getPkModel, ivInfusion, simulatePk, simulatePopulation } from '../src/domain/pharmacology'
import { type Measurement, measure, report } from './harness'

const weightKg = 70
const events = ivInfusion(0.5 * weightKg, 40)
const grid = { untilMin: 360, stepMin: 10 / 60 }

export async function run(): Promise<Measurement[]> {
  const rows: Measurement[] = []
  for (const id of ['domino', 'clements'] as const) {
    const model = getPkModel(id)
    rows.push(
      measure(`single curve ${id} (2161 points)`, () => simulatePk({ model, weightKg, events, grid }), {
        warmup: 200,
        repetitions: 1000,
        targetMs: 1,
      }),
    )
    rows.push(
      measure(
        `population ${id} 10k × 6 h @ 10 s`,
        () => simulatePopulation({ model, weightKg, events, grid, subjectCount: 10_000, seed: 1 }),
        { warmup: 2, repetitions: 9, targetMs: 1000 },
      ),
    )
  }
  report('pk', rows)
  return rows
}
