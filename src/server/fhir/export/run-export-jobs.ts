import { rm } from 'node:fs/promises'
import { type Selectable, sql, type Updateable } from 'kysely'
import type { FhirExportJobTable } from '../../../db'
import type { AppContext } from '../../context'
import { sourceOf } from '../registry'
import { isUuid } from '../sql-filters'
import { exportJobDir } from './export-jobs'
import { writeNdjsonExport } from './write-ndjson'

// The worker side of `$export`: a server claims a queued job (FOR UPDATE SKIP LOCKED, like the
// outbox, so two servers never run the same job), writes its files batch by batch as the requester
// (each batch audited in the clinic's chain), and marks it completed with the counts. Each batch
// also renews the claim, so a job whose server died is claimed again after `staleClaimMs` and
// starts over. Finished jobs expire after KETACARE_FHIR_EXPORT_TTL_HOURS: files removed, status
// `expired` (a poll then answers 410).

const staleClaimMs = 10 * 60_000

type ExportJob = Selectable<FhirExportJobTable>

async function claimExportJob(ctx: AppContext, workerId: string): Promise<ExportJob | undefined> {
  const now = ctx.now()
  const result = await sql<ExportJob>`
    UPDATE fhir_export_job SET status = 'running', claimed_by = ${workerId}, claimed_at = ${now}
    WHERE id IN (
      SELECT id FROM fhir_export_job
      WHERE status = 'queued'
        OR (status = 'running' AND claimed_at < ${new Date(now.getTime() - staleClaimMs)})
      ORDER BY created_at
      LIMIT 1
      FOR UPDATE SKIP LOCKED
    )
    RETURNING *`.execute(ctx.db)
  return result.rows[0]
}

/** Updates a job this worker holds; false when it no longer does (cancelled meanwhile). */
async function updateHeldJob(
  ctx: AppContext,
  job: ExportJob,
  workerId: string,
  values: Updateable<FhirExportJobTable>,
): Promise<boolean> {
  const updated = await ctx.db
    .updateTable('fhir_export_job')
    .set(values)
    .where('id', '=', job.id)
    .where('status', '=', 'running')
    .where('claimed_by', '=', workerId)
    .executeTakeFirst()
  return updated.numUpdatedRows > 0n
}

async function runJob(ctx: AppContext, job: ExportJob, workerId: string): Promise<void> {
  const dir = exportJobDir(ctx, job.id)
  // A job claimed again after its server died starts over.
  await rm(dir, { recursive: true, force: true })
  const ttlMs = ctx.config.fhirExport.ttlHours * 3_600_000
  try {
    const output = await writeNdjsonExport(
      ctx,
      {
        userId: isUuid(job.requested_by) ? job.requested_by : null,
        email: job.requested_by_email,
        ip: null,
      },
      {
        clinicId: job.clinic_id,
        sources: job.types.flatMap((type) => sourceOf(type) ?? []),
        since: job.since ?? undefined,
        patientIds: job.patient_ids ?? undefined,
        jobId: job.id,
      },
      dir,
      {
        onProgress: (p) =>
          updateHeldJob(ctx, job, workerId, {
            progress: `${p.written} resources written; ${p.type} (${p.typesDone + 1} of ${p.typesTotal} types)`,
            claimed_at: ctx.now(),
          }),
      },
    )
    const isDone =
      output !== undefined &&
      (await updateHeldJob(ctx, job, workerId, {
        status: 'completed',
        output: JSON.stringify(output.filter((o) => o.count > 0)),
        progress: null,
        completed_at: ctx.now(),
        expires_at: new Date(ctx.now().getTime() + ttlMs),
      }))
    if (!isDone) await rm(dir, { recursive: true, force: true })
  } catch (error) {
    await rm(dir, { recursive: true, force: true })
    await updateHeldJob(ctx, job, workerId, {
      status: 'failed',
      error: (error instanceof Error ? error.message : String(error)).slice(0, 500),
      progress: null,
      completed_at: ctx.now(),
      expires_at: new Date(ctx.now().getTime() + ttlMs),
    })
  }
}

/** Marks finished jobs past their expiry `expired` and removes their files. */
async function expireExports(ctx: AppContext): Promise<number> {
  const expired = await ctx.db
    .updateTable('fhir_export_job')
    .set({ status: 'expired' })
    .where('status', 'in', ['completed', 'failed'])
    .where('expires_at', '<=', ctx.now())
    .returning('id')
    .execute()
  for (const { id } of expired) await rm(exportJobDir(ctx, id), { recursive: true, force: true })
  return expired.length
}

/** One pass: expire what is due, then run queued jobs one after another until none is left. */
export async function runExportJobs(
  ctx: AppContext,
  workerId: string,
): Promise<{ ran: number; expired: number }> {
  const expired = await expireExports(ctx)
  let ran = 0
  for (let job = await claimExportJob(ctx, workerId); job; job = await claimExportJob(ctx, workerId)) {
    await runJob(ctx, job, workerId)
    ran++
  }
  return { ran, expired }
}
