import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import { type Selectable, sql } from 'kysely'
import type { FhirExportJobTable } from '../../../db'
import type { Permission } from '../../../domain/access/permissions'
import { type ClinicScope, isPermitted, runInClinic } from '../../clinic-scope'
import type { AppContext } from '../../context'
import { AppError } from '../../errors'
import { uuidv7 } from '../../ids'
import type { Principal } from '../../principal'
import { exportJobEntity } from '../caller'
import { sourceOf } from '../registry'
import { isUuid, uuidIn } from '../sql-filters'
import { type ExportLevel, exportSources } from './export-types'

// The `$export` jobs as their requester sees them (Bulk Data Access 2.0): kick-off queues a job in
// the clinic's row-level-secured transaction; status, files and cancel find it only for the same
// caller and clinic (another caller gets the 404 an unknown job gets). The worker side is in
// run-export-jobs.ts.

export interface KickOff {
  level: ExportLevel
  /** `_type`; undefined: every type of the level the caller may read. */
  types: string[] | undefined
  since: Date | undefined
  patientIds: string[] | undefined
  requestUrl: string
}

export interface ExportCaller {
  principal: Principal
  clinicId: string
}

/** Where a job's files are written. */
export function exportJobDir(ctx: AppContext, jobId: string): string {
  return join(ctx.config.fhirExport.dir, jobId)
}

/** Queues an export; returns its job id. */
export function kickOffExport(ctx: AppContext, caller: ExportCaller, request: KickOff): Promise<string> {
  const { principal, clinicId } = caller
  return runInClinic(
    ctx,
    principal,
    { clinicId, permission: 'patients:read', action: 'fhir.export.kick-off', entity: exportJobEntity },
    async (scope) => {
      const chosen = exportSources(request.level, request.types, (source) =>
        isPermitted(principal, scope.membership, source.permission, source.type),
      )
      if (request.patientIds) {
        const known = await scope.tx
          .selectFrom('patient')
          .select('id')
          .where('clinic_id', '=', clinicId)
          .where(uuidIn(sql.ref('id'), request.patientIds))
          .execute()
        const unknown = request.patientIds.filter((id) => !known.some((k) => k.id === id))
        if (unknown.length > 0) {
          const message = `Patient ${unknown.join(', ')} is not known in this clinic.`
          throw new AppError('bad-request', message, { fieldErrors: [{ field: 'patient', message }] })
        }
      }
      const id = uuidv7(scope.now.getTime())
      const types = chosen.map((s) => s.type)
      await scope.tx
        .insertInto('fhir_export_job')
        .values({
          id,
          clinic_id: clinicId,
          requested_by: principal.userId,
          requested_by_email: principal.email,
          request_url: request.requestUrl,
          level: request.level,
          types: JSON.stringify(types),
          since: request.since ?? null,
          patient_ids: request.patientIds ? JSON.stringify(request.patientIds) : null,
          status: 'queued',
          output: '[]',
          transaction_time: scope.now,
          created_at: scope.now,
          expires_at: new Date(scope.now.getTime() + ctx.config.fhirExport.ttlHours * 3_600_000),
        })
        .execute()
      await scope.audit({
        action: 'fhir.export.kick-off',
        entity: exportJobEntity,
        entityId: id,
        detail: { level: request.level, types, since: request.since?.toISOString() ?? null },
      })
      return id
    },
  )
}

const unknownJob = (jobId: string) =>
  new AppError('not-found', `No export ${jobId} of yours is known here (cancelled or never started).`)

type ExportJob = Selectable<FhirExportJobTable>

/** The caller's job in the clinic's transaction: 404 if not theirs or cancelled, 410 once expired. */
function callerJob<T>(
  ctx: AppContext,
  caller: ExportCaller,
  jobId: string,
  request: { permission: Permission; action: string; entity: string },
  work: (job: ExportJob, scope: ClinicScope) => Promise<T>,
): Promise<T> {
  return runInClinic(ctx, caller.principal, { clinicId: caller.clinicId, ...request }, async (scope) => {
    const job = isUuid(jobId)
      ? await scope.tx
          .selectFrom('fhir_export_job')
          .selectAll()
          .where('id', '=', jobId)
          .where('clinic_id', '=', caller.clinicId)
          .where('requested_by', '=', caller.principal.userId)
          .executeTakeFirst()
      : undefined
    if (!job || job.status === 'cancelled') throw unknownJob(jobId)
    if (job.status === 'expired')
      throw new AppError('gone', `Export ${jobId} has expired and its files were removed; start a new one.`)
    return work(job, scope)
  })
}

/** The job for a status poll. */
export function exportJobStatus(ctx: AppContext, caller: ExportCaller, jobId: string) {
  const request = {
    permission: 'patients:read',
    action: 'fhir.export.status',
    entity: exportJobEntity,
  } as const
  return callerJob(ctx, caller, jobId, request, async (job) => job)
}

/** Cancels a job (or deletes a finished one's files): its files go, and it is unknown from then on. */
export async function cancelExport(ctx: AppContext, caller: ExportCaller, jobId: string): Promise<void> {
  const request = {
    permission: 'patients:read',
    action: 'fhir.export.cancel',
    entity: exportJobEntity,
  } as const
  await callerJob(ctx, caller, jobId, request, async (job, scope) => {
    await scope.tx
      .updateTable('fhir_export_job')
      .set({ status: 'cancelled' })
      .where('id', '=', job.id)
      .execute()
    await scope.audit({ action: 'fhir.export.cancel', entity: exportJobEntity, entityId: job.id })
  })
  await rm(exportJobDir(ctx, jobId), { recursive: true, force: true })
}

/** The path of one of a finished job's files; the download is audited as a disclosure of the type. */
export function exportFilePath(ctx: AppContext, caller: ExportCaller, jobId: string, fileName: string) {
  const type = /^([A-Za-z]+)\.ndjson$/.exec(fileName)?.[1]
  const source = type ? sourceOf(type) : undefined
  if (!source) throw new AppError('not-found', `No file ${fileName} in export ${jobId}.`)
  const request = { permission: source.permission, action: 'fhir.export.download', entity: source.type }
  return callerJob(ctx, caller, jobId, request, async (job, scope) => {
    const file = job.status === 'completed' ? job.output.find((o) => o.type === source.type) : undefined
    if (!file) throw new AppError('not-found', `No file ${fileName} in export ${jobId}.`)
    await scope.audit({
      action: 'fhir.export.download',
      entity: source.type,
      entityId: job.id,
      detail: { count: file.count },
    })
    return join(exportJobDir(ctx, job.id), `${source.type}.ndjson`)
  })
}
