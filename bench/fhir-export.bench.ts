import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import { openDatabase } from '../src/db'
import { kickOffExport } from '../src/server/fhir/export/export-jobs'
import { runExportJobs } from '../src/server/fhir/export/run-export-jobs'
import { type Measurement, report, withScratchPostgres } from './harness'
import { seedSyntheticClinic } from './synthetic-clinic'

const patients = Number(process.env.BENCH_FHIR_EXPORT_PATIENTS ?? 100_000)
const isFullSize = patients >= 100_000
const mb = 1024 * 1024

const valueRow = (
  name: string,
  unit: string,
  value: number,
  target?: string,
  isPass?: boolean,
): Measurement => ({
  name,
  unit,
  repetitions: 1,
  medianMs: value,
  p95Ms: value,
  minMs: value,
  ...(isFullSize && target ? { target, isPass } : {}),
})

async function measure(databaseUrl: string, dataDir: string): Promise<Measurement[]> {
  const database = await openDatabase({ databaseUrl })
  try {
    const { ctx, clinic, seeded, seedMs, principal } = await seedSyntheticClinic(database, patients, {
      KETACARE_DATA_DIR: dataDir,
    })
    // Fresh statistics, as autovacuum would have after a bulk load.
    await sql`ANALYZE`.execute(database.db)
    const baselineRss = process.memoryUsage().rss
    let peakRss = baselineRss
    const sampler = setInterval(() => {
      peakRss = Math.max(peakRss, process.memoryUsage().rss)
    }, 50)
    const started = performance.now()
    const jobId = await kickOffExport(
      ctx,
      { principal, clinicId: clinic.id },
      { level: 'system', types: undefined, since: undefined, patientIds: undefined, requestUrl: 'bench' },
    )
    await runExportJobs(ctx, 'bench')
    const exportMs = performance.now() - started
    clearInterval(sampler)
    const job = await database.db
      .selectFrom('fhir_export_job')
      .select(['status', 'output', 'error'])
      .where('id', '=', jobId)
      .executeTakeFirstOrThrow()
    if (job.status !== 'completed') throw new Error(`the export ended ${job.status}: ${job.error}`)
    const resources = job.output.reduce((sum, o) => sum + o.count, 0)
    const perSecond = resources / (exportMs / 1000)
    const growthMb = (peakRss - baselineRss) / mb
    console.log(job.output.map((o) => `${o.type} ${o.count}`).join(', '))
    return [
      valueRow(
        `seed: ${patients.toLocaleString()} synthetic patients, ${seeded.rows.toLocaleString()} rows`,
        's',
        seedMs / 1000,
      ),
      valueRow(
        `export: ${resources.toLocaleString()} resources in ${(exportMs / 1000).toFixed(1)} s`,
        'resources/s',
        Math.round(perSecond),
        '≥ 10000',
        perSecond >= 10_000,
      ),
      valueRow('export: RSS growth during the export', 'MB', Math.round(growthMb), '< 200', growthMb < 200),
    ]
  } finally {
    await database.close()
  }
}

export async function run(): Promise<Measurement[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ketacare-bench-fhir-export-'))
  try {
    const rows = await withScratchPostgres((url) => measure(url, dataDir))
    report('FHIR Bulk $export on PostgreSQL (issue 17)', rows)
    return rows
  } finally {
    rmSync(dataDir, { recursive: true, force: true })
  }
}
