import { once } from 'node:events'
import { createWriteStream, type WriteStream } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { Resource } from '@medplum/fhirtypes'
import type { FhirExportOutput } from '../../../db'
import { inAuditedClinicTransaction } from '../../clinic-scope'
import { clinicTimeZone } from '../../clinic-settings'
import type { AppContext } from '../../context'
import type { SearchRequest } from '../search-params'
import { patientIdOf } from '../service'
import type { ResourceSource } from '../sources/source'

// The export itself, shared by the `$export` jobs and `ketacare fhir export`: each type streamed
// through its source's keyset `search`, one batch per row-level-secured transaction (so no
// transaction or snapshot is held for the whole export), one resource per line, written with
// back-pressure, so memory stays at one batch whatever the clinic's size. Each batch is a read of
// patient data and is audited (`fhir.export`, the count and the patients it was about).

export const exportBatchSize = 1000

/** Who the export runs for, as the audit trail names them. */
export interface ExportActor {
  userId: string | null
  email: string
  ip: string | null
}

export interface ExportPlan {
  clinicId: string
  sources: readonly ResourceSource[]
  /** `_since`: resources changed at or after it. */
  since: Date | undefined
  /** Only these patients' resources (and these Patients); undefined: the clinic's all. */
  patientIds: readonly string[] | undefined
  /** Named in each audit event, so a job's batches can be found together. */
  jobId?: string
}

export interface ExportProgress {
  type: string
  /** Resources written so far, this type's included. */
  written: number
  typesDone: number
  typesTotal: number
}

export interface ExportOptions {
  batchSize?: number
  /** Called after each batch; returning false stops the export (a cancelled job). */
  onProgress?: (progress: ExportProgress) => Promise<boolean> | boolean
}

/** The keyset search of one batch: after the cursor, changed since, about the patients asked. */
function batchRequest(
  source: ResourceSource,
  plan: ExportPlan,
  cursor: string | undefined,
  count: number,
): SearchRequest {
  const patients = plan.patientIds && [...plan.patientIds]
  return {
    ids: source.type === 'Patient' ? patients : undefined,
    patients: source.type === 'Patient' ? undefined : patients,
    date: [],
    lastUpdated: plan.since ? [{ prefix: 'ge', start: plan.since, end: plan.since }] : [],
    codes: undefined,
    statuses: undefined,
    categories: undefined,
    identifiers: undefined,
    encounters: undefined,
    count,
    cursor,
    includes: [],
  }
}

/** One batch of a type, read and audited in the clinic's transaction. */
function readBatch(
  ctx: AppContext,
  actor: ExportActor,
  plan: ExportPlan,
  source: ResourceSource,
  cursor: string | undefined,
  scope: { timeZone: string; batchSize: number },
): Promise<{ batch: Resource[]; hasMore: boolean }> {
  return inAuditedClinicTransaction(ctx, plan.clinicId, actor, async (tx, _now, audit) => {
    const request = batchRequest(source, plan, cursor, scope.batchSize)
    const found = await source.search({ tx, clinicId: plan.clinicId, timeZone: scope.timeZone }, request)
    const batch = found.slice(0, scope.batchSize)
    if (batch.length > 0)
      await audit({
        action: 'fhir.export',
        entity: source.type,
        detail: {
          ...(plan.jobId ? { jobId: plan.jobId } : {}),
          count: batch.length,
          patientIds: [...new Set(batch.flatMap(patientIdOf))],
        },
      })
    return { batch, hasMore: found.length > scope.batchSize }
  })
}

async function closeStream(stream: WriteStream): Promise<void> {
  if (stream.destroyed) return
  await new Promise<void>((resolve) => stream.end(() => resolve()))
}

/**
 * Writes `<dir>/<Type>.ndjson` for each of the plan's types and returns the count of each; stops
 * early (returning undefined) when `onProgress` says so.
 */
export async function writeNdjsonExport(
  ctx: AppContext,
  actor: ExportActor,
  plan: ExportPlan,
  dir: string,
  options: ExportOptions = {},
): Promise<FhirExportOutput[] | undefined> {
  const batchSize = options.batchSize ?? exportBatchSize
  const timeZone = await clinicTimeZone(ctx.db, plan.clinicId)
  await mkdir(dir, { recursive: true })
  const output: FhirExportOutput[] = []
  let written = 0
  for (const [index, source] of plan.sources.entries()) {
    const stream = createWriteStream(join(dir, `${source.type}.ndjson`))
    // A write error (a full disk) ends the export with it rather than crashing the process.
    let writeError: Error | undefined
    stream.on('error', (error) => {
      writeError = error
    })
    let count = 0
    try {
      let cursor: string | undefined
      for (;;) {
        const { batch, hasMore } = await readBatch(ctx, actor, plan, source, cursor, { timeZone, batchSize })
        if (batch.length > 0) {
          // One write per batch; wait for the disk when the stream's buffer is full.
          if (!stream.write(batch.map((r) => `${JSON.stringify(r)}\n`).join(''))) await once(stream, 'drain')
          if (writeError) throw writeError
          count += batch.length
          written += batch.length
          cursor = batch.at(-1)!.id
        }
        const progress = { type: source.type, written, typesDone: index, typesTotal: plan.sources.length }
        if (options.onProgress && !(await options.onProgress(progress))) return undefined
        if (!hasMore) break
      }
    } finally {
      await closeStream(stream)
    }
    if (writeError) throw writeError
    output.push({ type: source.type, count })
  }
  return output
}
