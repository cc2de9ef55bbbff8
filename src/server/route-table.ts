import type { FastifyContextConfig, FastifyReply, FastifyRequest } from 'fastify'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { z } from 'zod'
import { entryParams, errorReasonBody, noContent } from '../contract/common'
import { contentDisposition } from './content-disposition'
import type { AppContext } from './context'
import { signInOf } from './plugins/auth'
import type { Principal } from './principal'
import type { ResolvedSignIn } from './sign-in'

// A feature's routes as a table: each route is its URL, its summary, its schemas and one call to a
// service. The schemas are the route's OpenAPI description (src/contract); the table adds the
// feature's tags, reads the caller, and shapes the reply from the declared status.

/**
 * A route's schemas. The reply is keyed by its status as in Fastify's `response`: 200 and 201 send
 * what the handler returns, 204 sends nothing. A download declares its content type (`pdfReply`) or
 * nothing, and its handler sends the file itself.
 */
export interface RouteSchemas {
  params?: z.ZodType
  query?: z.ZodType
  body?: z.ZodType
  200?: z.ZodType | object
  201?: z.ZodType
  204?: typeof noContent
  /** Who may call it and its rate limit (plugins/auth.ts); a signed-in user by default. */
  config?: FastifyContextConfig
}

type Output<T> = T extends z.ZodType ? z.output<T> : undefined
type Ids<T> = T extends z.ZodType ? z.output<T> : unknown

/**
 * What a handler is given: the path's ids (`clinicId`, `patientId`, …), the validated query and body,
 * the caller, and the raw request and reply.
 */
export type RouteInput<S extends RouteSchemas> = Ids<S['params']> & {
  query: Output<S['query']>
  body: Output<S['body']>
  /** The caller's sign-in; reading it on a route without one is a 401 `not-signed-in`. */
  readonly signIn: ResolvedSignIn
  /** The signed-in caller (`signIn.principal`). */
  readonly principal: Principal
  request: FastifyRequest
  reply: FastifyReply
}

/** What a handler answers: the declared reply, or the reply it sent itself; a 204 sends nothing. */
type Answer<S extends RouteSchemas> =
  | (S extends { 200: z.ZodType }
      ? z.output<S[200]>
      : S extends { 201: z.ZodType }
        ? z.output<S[201]>
        : S extends { 204: z.ZodType }
          ? unknown
          : never)
  | FastifyReply

type Handler<S extends RouteSchemas> = (input: RouteInput<S>) => Promise<Answer<S>> | Answer<S>

type Define = <S extends RouteSchemas>(url: string, summary: string, schemas: S, run: Handler<S>) => void

type Strings<K extends readonly string[]> = { [N in keyof K]: string }

/** A service's usual signature: `service(ctx, principal, ...the path's ids, the body or query)`. */
type Service<K extends readonly string[], I, R> = (
  ...args: [AppContext, Principal, ...Strings<K>, I]
) => Promise<R>

type CallInput<K extends readonly string[], I> = { principal: Principal; body?: I; query?: I } & {
  [N in K[number]]: string
}

export interface RouteTable {
  get: Define
  post: Define
  put: Define
  patch: Define
  delete: Define
  /** A handler calling `service` with the ids named (in the path's order) and the body, else the query. */
  call: <const K extends readonly string[], I, R>(
    ids: K,
    service: Service<K, I, R>,
  ) => (input: CallInput<K, I>) => Promise<R>
}

/** The sign-in routes' limit per client address (staff and patients alike). */
export const signInRateLimit = (ctx: AppContext) => ({
  max: ctx.config.loginRateLimitPerMin,
  timeWindow: '1 minute',
})

/** The ids of a clinic's routes and of a patient's. */
export const clinic = ['clinicId'] as const
export const patient = ['clinicId', 'patientId'] as const

type App = Parameters<FastifyPluginAsyncZod>[0]
type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

function inputOf<S extends RouteSchemas>(
  schemas: S,
  request: FastifyRequest,
  reply: FastifyReply,
): RouteInput<S> {
  // Fastify validated params, query and body against the route's schemas before the handler runs;
  // a route without a query or body schema gets neither (the input `call` passes on).
  return {
    ...(request.params as object),
    query: schemas.query ? request.query : undefined,
    body: schemas.body ? request.body : undefined,
    get signIn() {
      return signInOf(request)
    },
    get principal() {
      return signInOf(request).principal
    },
    request,
    reply,
  } as RouteInput<S>
}

function register(app: App, tags: readonly string[], method: Method): Define {
  return (url, summary, schemas, run) => {
    const { params, query, body, config, 200: ok, 201: created, 204: empty } = schemas
    const status = created ? 201 : empty ? 204 : 200
    const reply = ok ?? created ?? empty
    app.route({
      method,
      url,
      ...(config ? { config } : {}),
      schema: {
        tags: [...tags],
        summary,
        ...(params ? { params } : {}),
        ...(query ? { querystring: query } : {}),
        ...(body ? { body } : {}),
        ...(reply ? { response: { [status]: reply } } : {}),
      },
      handler: async (request, res) => {
        const answer = await run(inputOf(schemas, request, res))
        if (status === 200 || answer === res) return answer
        return status === 204 ? res.status(204).send() : res.status(201).send(answer)
      },
    })
  }
}

/** A plugin registering the routes `define` declares, in order, under the feature's OpenAPI tags. */
export function routeTable(
  ctx: AppContext,
  tags: readonly string[],
  define: (routes: RouteTable) => void,
): FastifyPluginAsyncZod {
  return async (app) => {
    define({
      get: register(app, tags, 'GET'),
      post: register(app, tags, 'POST'),
      put: register(app, tags, 'PUT'),
      patch: register(app, tags, 'PATCH'),
      delete: register(app, tags, 'DELETE'),
      call: (ids, service) => (input) => {
        const values = ids.map((id) => input[id as keyof typeof input]) as Strings<typeof ids>
        return service(ctx, input.principal, ...values, (input.body ?? input.query) as never)
      },
    })
  }
}

type MarkInError = (
  ctx: AppContext,
  principal: Principal,
  clinicId: string,
  patientId: string,
  entryId: string,
  reason: string,
) => Promise<void>

/** `POST <url>/:entryId/entered-in-error` for one kind of entry of a patient's record: a 204. */
export function enteredInErrorRoute(
  routes: RouteTable,
  ctx: AppContext,
  url: string,
  what: string,
  mark: MarkInError,
): void {
  routes.post(
    `${url}/:entryId/entered-in-error`,
    `Mark ${what} entered in error`,
    { params: entryParams, body: errorReasonBody, 204: noContent },
    async ({ principal, clinicId, patientId, entryId, body }) => {
      await mark(ctx, principal, clinicId, patientId, entryId, body.reason)
    },
  )
}

/** Sends a generated PDF to be shown in the browser, under its file name. */
export function sendPdf(reply: FastifyReply, file: { filename: string; pdf: Uint8Array }): FastifyReply {
  return reply
    .type('application/pdf')
    .header('content-disposition', contentDisposition('inline', file.filename))
    .send(file.pdf)
}
