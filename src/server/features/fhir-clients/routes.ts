import type { FastifyPluginAsync } from 'fastify'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { clinicParams } from '../../../contract/common'
import {
  fhirClientListSchema,
  fhirClientParams,
  fhirClientSchema,
  registerFhirClientBody,
} from '../../../contract/fhir-clients'
import type { AppContext } from '../../context'
import { fhirBasePath, tokenUrlOf } from '../../fhir/caller'
import { toAppError } from '../../plugins/errors'
import { clinic, routeTable, signInRateLimit } from '../../route-table'
import { listFhirClients, registerFhirClient, revokeFhirClient } from './service'
import { issueAccessToken, type TokenForm } from './token'

/** The administrator's API for a clinic's SMART backend clients. */
export function fhirClientRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return routeTable(ctx, ['fhir-clients'], ({ get, post, call }) => {
    const clients = '/api/v1/clinics/:clinicId/fhir-clients'
    get(
      clients,
      "The clinic's SMART backend clients of the FHIR API, revoked ones too",
      { params: clinicParams, 200: fhirClientListSchema },
      call(clinic, listFhirClients),
    )
    post(
      clients,
      'Register a backend client: name, public JWKS, allowed system/… scopes; the server makes the client_id',
      { params: clinicParams, body: registerFhirClientBody, 201: fhirClientSchema },
      call(clinic, registerFhirClient),
    )
    post(
      `${clients}/:clientId/revoke`,
      'Revoke a backend client: its tokens stop working at once; nothing is deleted',
      { params: fhirClientParams, 200: fhirClientSchema },
      ({ principal, clinicId, clientId }) => revokeFhirClient(ctx, principal, clinicId, clientId),
    )
  })
}

/**
 * `POST /fhir/R4/auth/token` (form-encoded, public, rate limited per address like sign-in). Errors
 * are OAuth 2.0's `{error, error_description}`, not problem+json or OperationOutcome.
 */
export function fhirTokenRoute(ctx: AppContext): FastifyPluginAsync {
  return async (app) => {
    app.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string' },
      (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(body as string))),
    )
    app.setErrorHandler((error, request, reply) => {
      const appError = toAppError(error, request)
      const oauth = appError.extra.oauthError
      if (typeof appError.extra.retryAfterSec === 'number')
        reply.header('retry-after', String(appError.extra.retryAfterSec))
      return reply
        .status(appError.status)
        .header('cache-control', 'no-store')
        .send({
          error:
            typeof oauth === 'string' ? oauth : appError.status === 429 ? 'slow_down' : 'invalid_request',
          error_description: appError.message,
        })
    })
    app.post(
      `${fhirBasePath}/auth/token`,
      { schema: { hide: true }, config: { auth: 'public', rateLimit: signInRateLimit(ctx) } },
      async (request, reply) => {
        const form = (
          typeof request.body === 'object' && request.body !== null ? request.body : {}
        ) as TokenForm
        const token = await issueAccessToken(ctx, { form, tokenUrl: tokenUrlOf(request), ip: request.ip })
        return reply.header('cache-control', 'no-store').header('pragma', 'no-cache').send(token)
      },
    )
  }
}
