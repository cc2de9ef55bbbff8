import type { FastifyPluginAsync, FastifyReply } from 'fastify'
import type { AppContext } from '../context'
import { AppError } from '../errors'
import { toAppError } from '../plugins/errors'
import { searchBundle } from './bundle'
import { baseUrlOf, fhirBasePath, fhirCallerOf } from './caller'
import { capabilityStatement } from './capability'
import { exportRoutes } from './export/routes'
import { fhirJson, sendOperationOutcome } from './operation-outcome'
import { readResource, searchResources } from './service'
import { smartConfiguration } from './smart-configuration'

// /fhir/R4 (registered under that prefix by app.ts): the CapabilityStatement, read and search.
// The staff sign-in of the rest of the API (plugins/auth.ts resolves it for /fhir/ too); errors,
// unknown routes included, are OperationOutcomes from the one AppError.

function sendResource(
  reply: FastifyReply,
  resource: { meta?: { versionId?: string; lastUpdated?: string } },
) {
  if (resource.meta?.versionId) reply.header('etag', `W/"${resource.meta.versionId}"`)
  if (resource.meta?.lastUpdated)
    reply.header('last-modified', new Date(resource.meta.lastUpdated).toUTCString())
  return reply.type(fhirJson).send(resource)
}

export function fhirRoutes(ctx: AppContext): FastifyPluginAsync {
  return async (app) => {
    const publishedAt = ctx.now()
    app.setErrorHandler((error, request, reply) => sendOperationOutcome(reply, toAppError(error, request)))
    app.setNotFoundHandler((request, reply) =>
      sendOperationOutcome(
        reply,
        new AppError(
          'not-found',
          `No FHIR interaction ${request.method} ${request.url.split('?')[0]}; see ${fhirBasePath}/metadata.`,
        ),
      ),
    )
    const hidden = { schema: { hide: true } }
    await app.register(exportRoutes(ctx))
    app.get('/metadata', { ...hidden, config: { auth: 'public' } }, async (request, reply) =>
      reply.type(fhirJson).send(capabilityStatement(baseUrlOf(request), publishedAt)),
    )
    app.get('/.well-known/smart-configuration', { ...hidden, config: { auth: 'public' } }, async (request) =>
      smartConfiguration(baseUrlOf(request)),
    )
    app.get('/:type/:id', hidden, async (request, reply) => {
      const { type, id } = request.params as { type: string; id: string }
      const { principal, clinicId } = fhirCallerOf(request)
      return sendResource(reply, await readResource(ctx, principal, clinicId, type, id))
    })
    app.get('/:type', hidden, async (request, reply) => {
      const { type } = request.params as { type: string }
      const query = request.query as Record<string, string | string[]>
      const { principal, clinicId } = fhirCallerOf(request)
      const result = await searchResources(ctx, principal, clinicId, type, query)
      return reply.type(fhirJson).send(searchBundle(baseUrlOf(request), type, query, result))
    })
  }
}
