import type { FastifyReply } from 'fastify'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import {
  codeBody,
  issuedSchema,
  loginBody,
  meSchema,
  mfaEnrolmentSchema,
  sessionProbeSchema,
  unlockBody,
  unlockedSchema,
  unlockPinBody,
} from '../../../contract/auth'
import { noContent } from '../../../contract/common'
import type { AppContext } from '../../context'
import { AppError } from '../../errors'
import { clearSessionCookie, sessionCookie, setSessionCookie } from '../../plugins/auth'
import { type RouteTable, routeTable, signInRateLimit } from '../../route-table'
import * as lock from './lock'
import * as mfa from './mfa'
import { resolveSignIn } from './resolve-sign-in'
import * as auth from './service'

const noBody = z.object({}).optional()

export function authRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return routeTable(ctx, ['auth'], (routes) => {
    signInRoutes(routes, ctx)
    whoAmIRoutes(routes, ctx)
    lockRoutes(routes, ctx)
  })
}

/** A sign-in step that issued a sign-in: its cookie, and the state and CSRF token for the page. */
function answerIssued(ctx: AppContext, reply: FastifyReply, issued: auth.IssuedSignIn) {
  setSessionCookie(reply, ctx, issued.token)
  return { state: issued.state, csrfToken: issued.csrfToken }
}

/** Sign-in and its two-step stage, and sign-out. */
function signInRoutes({ post }: RouteTable, ctx: AppContext) {
  const rateLimit = signInRateLimit(ctx)
  post(
    '/api/v1/auth/login',
    'Sign in with e-mail and password',
    { config: { auth: 'public', rateLimit }, body: loginBody, 200: issuedSchema },
    async ({ body, request, reply }) => {
      const issued = await auth.signIn(ctx, {
        email: body.email,
        password: body.password,
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
        previousToken: request.cookies[sessionCookie],
      })
      return answerIssued(ctx, reply, issued)
    },
  )
  post(
    '/api/v1/auth/mfa/verify',
    'Second sign-in step: a TOTP code',
    { config: { auth: 'pending', rateLimit }, body: codeBody, 200: issuedSchema },
    async ({ signIn, body, reply }) => answerIssued(ctx, reply, await mfa.verifyMfa(ctx, signIn, body.code)),
  )
  post(
    '/api/v1/auth/mfa/enrol',
    'Start TOTP enrolment: a new secret and its QR code',
    { config: { auth: 'pending' }, body: noBody, 200: mfaEnrolmentSchema },
    ({ signIn }) => mfa.startMfaEnrolment(ctx, signIn),
  )
  post(
    '/api/v1/auth/mfa/enrol/confirm',
    'Finish TOTP enrolment with a first code',
    { config: { auth: 'pending', rateLimit }, body: codeBody, 200: issuedSchema },
    async ({ signIn, body, reply }) =>
      answerIssued(ctx, reply, await mfa.confirmMfaEnrolment(ctx, signIn, body.code)),
  )
  post(
    '/api/v1/auth/logout',
    'Sign out (a locked sign-in too)',
    { config: { auth: 'pending', allowLocked: true }, body: noBody, 204: noContent },
    async ({ signIn, reply }) => {
      await auth.signOut(ctx, signIn)
      clearSessionCookie(reply, ctx)
    },
  )
}

/** Who am I: the signed-in user, and the sign-in page's probe. */
function whoAmIRoutes({ get }: RouteTable, ctx: AppContext) {
  get('/api/v1/auth/me', 'Who am I', { config: { auth: 'pending' }, 200: meSchema }, ({ signIn }) =>
    auth.describeSignIn(ctx, signIn),
  )
  get(
    '/api/v1/auth/session',
    'Who am I, answering 200 `signed-out` when there is no sign-in (a locked sign-in is 401 `session-locked`)',
    { config: { auth: 'public' }, 200: sessionProbeSchema },
    async ({ request }) => {
      const token = request.cookies[sessionCookie]
      if (!token) return { state: 'signed-out' as const, reason: 'not-signed-in' as const }
      try {
        return await auth.describeSignIn(ctx, await resolveSignIn(ctx, token, request.ip))
      } catch (error) {
        if (error instanceof AppError && (error.code === 'not-signed-in' || error.code === 'session-expired'))
          return { state: 'signed-out' as const, reason: error.code }
        throw error
      }
    },
  )
}

/** The lock screen: lock, unlock with the password or PIN, and the PIN itself. */
function lockRoutes({ post, put, delete: remove }: RouteTable, ctx: AppContext) {
  const rateLimit = signInRateLimit(ctx)
  post(
    '/api/v1/auth/lock',
    'Lock this sign-in now (the screen went idle or the user pressed Lock)',
    { config: { allowLocked: true }, body: noBody, 204: noContent },
    ({ signIn }) => lock.lockSignIn(ctx, signIn),
  )
  post(
    '/api/v1/auth/unlock',
    "Unlock this locked sign-in with its user's password or unlock PIN",
    { config: { allowLocked: true, rateLimit }, body: unlockBody, 200: unlockedSchema },
    ({ signIn, body }) => lock.unlockSignIn(ctx, signIn, body),
  )
  put(
    '/api/v1/auth/unlock-pin',
    'Set or change your own unlock PIN (4–8 digits), confirmed with your password',
    { config: { rateLimit }, body: unlockPinBody, 204: noContent },
    ({ signIn, body }) => lock.setUnlockPin(ctx, signIn, body),
  )
  remove('/api/v1/auth/unlock-pin', 'Remove your own unlock PIN', { 204: noContent }, ({ signIn }) =>
    lock.removeUnlockPin(ctx, signIn),
  )
}
