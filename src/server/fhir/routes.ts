import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import type { AppContext } from '../context'
import { AppError } from '../errors'
import { signInOf } from '../plugins/auth'
import { toAppError } from '../plugins/errors'
import type { Principal } from '../principal'
import { searchBundle } from './bundle'
import { capabilityStatement } from './capability'
import { fhirJson, sendOperationOutcome } from './operation-outcome'
import { readResource, searchResources } from './service'

// /fhir/R4 (registered under that prefix by app.ts): the CapabilityStatement, read and search.
// The staff sign-in of the rest of the API (plugins/auth.ts resolves it for /fhir/ too); errors,
// unknown routes included, are OperationOutcomes from the one AppError.

export const fhirBasePath = '/fhir/R4'

/** The header naming the clinic for a member of several (a member of one may leave it out). */
export const clinicHeader = 'x-ketacare-clinic'

function baseUrlOf(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}${fhirBasePath}`
}

/** The clinic the request is about: the header's, or the caller's only clinic. */
function clinicOf(request: FastifyRequest, principal: Principal): string {
  const named = request.headers[clinicHeader]
  if (typeof named === 'string' && named !== '') return named
  const [only, ...others] = principal.memberships
  if (only && others.length === 0) return only.clinicId
  throw new AppError(
    'bad-request',
    `You are a member of several clinics: name one in the ${clinicHeader} header.`,
    {
      fieldErrors: [{ field: clinicHeader, message: 'is required for a member of several clinics' }],
    },
  )
}

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
    app.get('/metadata', { ...hidden, config: { auth: 'public' } }, async (request, reply) =>
      reply.type(fhirJson).send(capabilityStatement(baseUrlOf(request), publishedAt)),
    )
    app.get('/:type/:id', hidden, async (request, reply) => {
      const { type, id } = request.params as { type: string; id: string }
      const principal = signInOf(request).principal
      return sendResource(reply, await readResource(ctx, principal, clinicOf(request, principal), type, id))
    })
    app.get('/:type', hidden, async (request, reply) => {
      const { type } = request.params as { type: string }
      const query = request.query as Record<string, string | string[]>
      const principal = signInOf(request).principal
      const result = await searchResources(ctx, principal, clinicOf(request, principal), type, query)
      return reply.type(fhirJson).send(searchBundle(baseUrlOf(request), type, query, result))
    })
  }
}
