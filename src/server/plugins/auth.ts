import { timingSafeEqual } from 'node:crypto'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { BearerResolver, ClientAccess } from '../backend-client'
import type { AppContext } from '../context'
import { AppError } from '../errors'
import type { ResolvedSignIn, SignInResolver } from '../sign-in'

export const sessionCookie = 'kc_session'

/** Who may call a route: anyone, a sign-in still in its MFA step, or a fully signed-in user. */
export type RouteAuth = 'public' | 'pending' | 'signed-in'

declare module 'fastify' {
  interface FastifyContextConfig {
    auth?: RouteAuth
    /** Answers on a locked sign-in too (unlock, sign-out); every other route refuses it with 401. */
    allowLocked?: boolean
  }
  interface FastifyRequest {
    signIn: ResolvedSignIn | null
    /** Resolves this request's sign-in again without counting as activity (live streams). */
    recheckSignIn: (() => Promise<ResolvedSignIn>) | null
    /** A SMART backend client's access token on a /fhir/ route (fhir/caller.ts reads it). */
    fhirClient: ClientAccess | null
  }
}

const writeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])
/** The REST API and the FHIR API (src/server/fhir) take the same staff sign-in. */
const signedInPrefixes = ['/api/', '/fhir/']

/** RFC 6750 §3: how a refused access token is answered, beside the 401. */
const invalidTokenChallenge = 'Bearer error="invalid_token"'

/**
 * Resolves the sign-in cookie of every /api and /fhir route that is not public, enforces the MFA step, and
 * checks the CSRF token on cookie-authenticated writes (the cookie is SameSite=Strict as well). On
 * /fhir/, an `Authorization: Bearer` access token (SMART Backend Services) is the caller instead.
 * `resolveSignIn` and `resolveBearer` are features', passed in by app.ts: the core never imports a feature.
 */
export function registerAuth(
  app: FastifyInstance,
  resolveSignIn: SignInResolver,
  resolveBearer: BearerResolver,
): void {
  app.decorateRequest('signIn', null)
  app.decorateRequest('recheckSignIn', null)
  app.decorateRequest('fhirClient', null)
  app.addHook('preHandler', async (request, reply) => {
    const auth = request.routeOptions.config.auth ?? 'signed-in'
    if (auth === 'public' || !signedInPrefixes.some((p) => request.url.startsWith(p))) return
    const bearer = /^Bearer +(\S+)$/i.exec(headerValue(request, 'authorization') ?? '')?.[1]
    if (bearer && request.url.startsWith('/fhir/')) {
      try {
        request.fhirClient = await resolveBearer(bearer, request.ip)
      } catch (error) {
        reply.header('www-authenticate', invalidTokenChallenge)
        throw error
      }
      return
    }
    const token = request.cookies[sessionCookie]
    if (!token) throw new AppError('not-signed-in', 'Please sign in.')
    const signIn = await resolveSignIn(token, request.ip, {
      allowLocked: request.routeOptions.config.allowLocked === true,
    })
    request.signIn = signIn
    request.recheckSignIn = () => resolveSignIn(token, request.ip, { isActivity: false })
    if (auth === 'signed-in' && signIn.state !== 'signed-in') {
      throw new AppError('mfa-required', 'Finish two-factor authentication first.', {
        extra: { state: signIn.state },
      })
    }
    if (
      writeMethods.has(request.method) &&
      !isCsrfTokenValid(signIn.csrfToken, headerValue(request, 'x-csrf-token'))
    ) {
      throw new AppError(
        'csrf-token-invalid',
        'The request lacks a valid x-csrf-token header. Reload the page and try again.',
      )
    }
  })
}

export function isCsrfTokenValid(expected: string, presented: string | undefined): boolean {
  if (!presented) return false
  const a = Buffer.from(expected)
  const b = Buffer.from(presented)
  return a.length === b.length && timingSafeEqual(a, b)
}

function headerValue(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name]
  return Array.isArray(value) ? value[0] : value
}

export function setSessionCookie(reply: FastifyReply, ctx: AppContext, token: string): void {
  reply.setCookie(sessionCookie, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: ctx.config.secureCookies,
    maxAge: ctx.config.sessionAbsoluteHours * 3600,
  })
}

export function clearSessionCookie(reply: FastifyReply, ctx: AppContext): void {
  reply.clearCookie(sessionCookie, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: ctx.config.secureCookies,
  })
}

/** The staff sign-in a route's preHandler resolved; routes declared 'pending' or 'signed-in' always have one. */
export function signInOf(request: FastifyRequest): ResolvedSignIn {
  if (!request.signIn) throw new AppError('not-signed-in', 'Please sign in.')
  return request.signIn
}
