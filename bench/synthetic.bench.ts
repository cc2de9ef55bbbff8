/**
 * Issue 8 target: 100,000 synthetic patients in under 5 minutes on the embedded database. Runs
 * `seedSyntheticPopulation` from source on a fresh PGlite folder (BENCH_SYNTHETIC_PATIENTS to
 * change the size).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { migrateToLatest, openDatabase } from '../src/db'
import { loadConfig } from '../src/server/config'
import { seedDemoOrganization } from '../src/server/seed/demo'
import { seedSyntheticPopulation } from '../src/server/seed/synthetic'
import { type Measurement, report } from './harness'

const patients = Number(process.env.BENCH_SYNTHETIC_PATIENTS ?? 100_000)
const targetMs = 5 * 60_000

export async function run(): Promise<Measurement[]> {
  const dir = mkdtempSync(join(tmpdir(), 'ketacare-bench-synthetic-'))
  const database = await openDatabase({ dataDir: dir })
  try {
    await migrateToLatest(database.db)
    const ctx = { config: loadConfig({}), db: database.db, dbKind: database.kind, now: () => new Date() }
    await seedDemoOrganization(ctx)
    const clinic = await database.db
      .selectFrom('clinic')
      .select('id')
      .orderBy('name')
      .executeTakeFirstOrThrow()
    const started = performance.now()
    const result = await seedSyntheticPopulation(ctx, { clinicId: clinic.id, patients, seed: 1 })
    const ms = performance.now() - started
    const rows: Measurement[] = [
      {
        name: `${patients.toLocaleString()} synthetic patients (${result.rows.toLocaleString()} rows), embedded PGlite`,
        repetitions: 1,
        medianMs: ms,
        p95Ms: ms,
        minMs: ms,
        ...(patients >= 100_000 ? { targetMs, isPass: ms < targetMs } : {}),
      },
    ]
    report('synthetic population (issue 8)', rows)
    return rows
  } finally {
    await database.close()
    rmSync(dir, { recursive: true, force: true })
  }
}
