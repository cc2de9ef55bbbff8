import { createReadStream } from 'node:fs'
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import type { AppContext } from '../../context'
import { AppError } from '../../errors'
import { baseUrlOf, fhirCallerOf } from '../caller'
import { sendOperationOutcome } from '../operation-outcome'
import { cancelExport, exportFilePath, exportJobStatus, kickOffExport } from './export-jobs'
import type { ExportLevel } from './export-types'
import { parseKickOff } from './kick-off-params'

// Bulk Data Access 2.0 (https://hl7.org/fhir/uv/bulkdata/STU2/export.html) under /fhir/R4:
// kick-off at system, Group (the clinic: its id is the Group's) and Patient level, the status
// endpoint (202 + X-Progress while running, 200 + manifest when done, DELETE cancels) and the
// NDJSON files, all only for the caller who started the job.

const statusPath = '$export-status'
const filePath = '$export-file'
const retryAfterSec = 2
const ndjson = 'application/fhir+ndjson'

async function kickOff(ctx: AppContext, request: FastifyRequest, reply: FastifyReply, level: ExportLevel) {
  const caller = fhirCallerOf(request)
  const parsed = parseKickOff(request.headers.prefer, request.method, request.query, request.body)
  if (level === 'system' && parsed.patientIds)
    throw new AppError('bad-request', '"patient" is for a Group or Patient export.', {
      fieldErrors: [{ field: 'patient', message: 'is for a Group or Patient export' }],
    })
  const requestUrl = `${request.protocol}://${request.host}${request.url}`
  const jobId = await kickOffExport(ctx, caller, { ...parsed, level, requestUrl })
  return reply
    .status(202)
    .header('content-location', `${baseUrlOf(request)}/${statusPath}/${jobId}`)
    .send()
}

export function exportRoutes(ctx: AppContext): FastifyPluginAsync {
  return async (app) => {
    const hidden = { schema: { hide: true } }
    // A POST kick-off carries a Parameters resource.
    app.addContentTypeParser(['application/fhir+json'], { parseAs: 'string' }, (_request, body, done) => {
      try {
        done(null, body === '' ? undefined : JSON.parse(body as string))
      } catch {
        done(new AppError('bad-request', 'The request body is not JSON.'), undefined)
      }
    })
    for (const method of ['GET', 'POST'] as const) {
      app.route({ method, url: '/$export', ...hidden, handler: (q, r) => kickOff(ctx, q, r, 'system') })
      app.route({
        method,
        url: '/Patient/$export',
        ...hidden,
        handler: (q, r) => kickOff(ctx, q, r, 'patient'),
      })
      app.route({
        method,
        url: '/Group/:groupId/$export',
        ...hidden,
        handler: (request, reply) => {
          const { groupId } = request.params as { groupId: string }
          // The one Group served is the clinic itself: its members are the clinic's patients.
          if (groupId !== fhirCallerOf(request).clinicId)
            throw new AppError(
              'not-found',
              `Group/${groupId} is not known here (a clinic's Group id is its id).`,
            )
          return kickOff(ctx, request, reply, 'group')
        },
      })
    }
    app.get(`/${statusPath}/:jobId`, hidden, async (request, reply) => {
      const { jobId } = request.params as { jobId: string }
      const job = await exportJobStatus(ctx, fhirCallerOf(request), jobId)
      if (job.status === 'queued' || job.status === 'running')
        return reply
          .status(202)
          .header('x-progress', job.progress ?? job.status)
          .header('retry-after', String(retryAfterSec))
          .send()
      if (job.status === 'failed')
        return sendOperationOutcome(reply, new AppError('internal', `The export failed: ${job.error}`))
      const base = baseUrlOf(request)
      return reply.header('expires', job.expires_at.toUTCString()).send({
        transactionTime: job.transaction_time.toISOString(),
        request: job.request_url,
        requiresAccessToken: true,
        output: job.output.map((o) => ({ ...o, url: `${base}/${filePath}/${job.id}/${o.type}.ndjson` })),
        error: [],
      })
    })
    app.delete(`/${statusPath}/:jobId`, hidden, async (request, reply) => {
      const { jobId } = request.params as { jobId: string }
      await cancelExport(ctx, fhirCallerOf(request), jobId)
      return reply.status(202).send()
    })
    app.get(`/${filePath}/:jobId/:file`, hidden, async (request, reply) => {
      const { jobId, file } = request.params as { jobId: string; file: string }
      const path = await exportFilePath(ctx, fhirCallerOf(request), jobId, file)
      return reply.type(ndjson).send(createReadStream(path))
    })
  }
}
