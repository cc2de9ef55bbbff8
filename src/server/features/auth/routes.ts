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
import { clearSessionCookie, sessionCookie, setSessionCookie, signInOf } from '../../plugins/auth'
import * as lock from './lock'
import * as mfa from './mfa'
import { resolveSignIn } from './resolve-sign-in'
import * as auth from './service'

export function authRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(signInRoutes(ctx))
    await app.register(sessionRoutes(ctx))
    await app.register(lockRoutes(ctx))
  }
}

/** Sign-in and its two-step stage, and sign-out. */
function signInRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/api/v1/auth/login',
      {
        config: {
          auth: 'public',
          rateLimit: { max: ctx.config.loginRateLimitPerMin, timeWindow: '1 minute' },
        },
        schema: {
          tags: ['auth'],
          summary: 'Sign in with e-mail and password',
          body: loginBody,
          response: { 200: issuedSchema },
        },
      },
      async (request, reply) => {
        const issued = await auth.signIn(ctx, {
          email: request.body.email,
          password: request.body.password,
          ip: request.ip,
          userAgent: request.headers['user-agent'] ?? null,
          previousToken: request.cookies[sessionCookie],
        })
        setSessionCookie(reply, ctx, issued.token)
        return { state: issued.state, csrfToken: issued.csrfToken }
      },
    )

    app.post(
      '/api/v1/auth/mfa/verify',
      {
        config: {
          auth: 'pending',
          rateLimit: { max: ctx.config.loginRateLimitPerMin, timeWindow: '1 minute' },
        },
        schema: {
          tags: ['auth'],
          summary: 'Second sign-in step: a TOTP code',
          body: codeBody,
          response: { 200: issuedSchema },
        },
      },
      async (request, reply) => {
        const issued = await mfa.verifyMfa(ctx, signInOf(request), request.body.code)
        setSessionCookie(reply, ctx, issued.token)
        return { state: issued.state, csrfToken: issued.csrfToken }
      },
    )

    app.post(
      '/api/v1/auth/mfa/enrol',
      {
        config: { auth: 'pending' },
        schema: {
          tags: ['auth'],
          summary: 'Start TOTP enrolment: a new secret and its QR code',
          body: z.object({}).optional(),
          response: { 200: mfaEnrolmentSchema },
        },
      },
      async (request) => mfa.startMfaEnrolment(ctx, signInOf(request)),
    )

    app.post(
      '/api/v1/auth/mfa/enrol/confirm',
      {
        config: {
          auth: 'pending',
          rateLimit: { max: ctx.config.loginRateLimitPerMin, timeWindow: '1 minute' },
        },
        schema: {
          tags: ['auth'],
          summary: 'Finish TOTP enrolment with a first code',
          body: codeBody,
          response: { 200: issuedSchema },
        },
      },
      async (request, reply) => {
        const issued = await mfa.confirmMfaEnrolment(ctx, signInOf(request), request.body.code)
        setSessionCookie(reply, ctx, issued.token)
        return { state: issued.state, csrfToken: issued.csrfToken }
      },
    )

    app.post(
      '/api/v1/auth/logout',
      {
        config: { auth: 'pending', allowLocked: true },
        schema: {
          tags: ['auth'],
          summary: 'Sign out (a locked sign-in too)',
          body: z.object({}).optional(),
          response: { 204: noContent },
        },
      },
      async (request, reply) => {
        await auth.signOut(ctx, signInOf(request))
        clearSessionCookie(reply, ctx)
        return reply.status(204).send()
      },
    )
  }
}

/** Who am I: the signed-in user, and the sign-in page's probe. */
function sessionRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/v1/auth/me',
      {
        config: { auth: 'pending' },
        schema: { tags: ['auth'], summary: 'Who am I', response: { 200: meSchema } },
      },
      async (request) => auth.describeSignIn(ctx, signInOf(request)),
    )

    app.get(
      '/api/v1/auth/session',
      {
        config: { auth: 'public' },
        schema: {
          tags: ['auth'],
          summary:
            'Who am I, answering 200 `signed-out` when there is no sign-in (a locked sign-in is 401 `session-locked`)',
          response: { 200: sessionProbeSchema },
        },
      },
      async (request) => {
        const token = request.cookies[sessionCookie]
        if (!token) return { state: 'signed-out' as const, reason: 'not-signed-in' as const }
        try {
          return await auth.describeSignIn(ctx, await resolveSignIn(ctx, token, request.ip))
        } catch (error) {
          if (
            error instanceof AppError &&
            (error.code === 'not-signed-in' || error.code === 'session-expired')
          )
            return { state: 'signed-out' as const, reason: error.code }
          throw error
        }
      },
    )
  }
}

/** The lock screen: lock, unlock with the password or PIN, and the PIN itself. */
function lockRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/api/v1/auth/lock',
      {
        config: { allowLocked: true },
        schema: {
          tags: ['auth'],
          summary: 'Lock this sign-in now (the screen went idle or the user pressed Lock)',
          body: z.object({}).optional(),
          response: { 204: noContent },
        },
      },
      async (request, reply) => {
        await lock.lockSignIn(ctx, signInOf(request))
        return reply.status(204).send()
      },
    )

    app.post(
      '/api/v1/auth/unlock',
      {
        config: {
          allowLocked: true,
          rateLimit: { max: ctx.config.loginRateLimitPerMin, timeWindow: '1 minute' },
        },
        schema: {
          tags: ['auth'],
          summary: "Unlock this locked sign-in with its user's password or unlock PIN",
          body: unlockBody,
          response: { 200: unlockedSchema },
        },
      },
      async (request) => lock.unlockSignIn(ctx, signInOf(request), request.body),
    )

    app.put(
      '/api/v1/auth/unlock-pin',
      {
        config: { rateLimit: { max: ctx.config.loginRateLimitPerMin, timeWindow: '1 minute' } },
        schema: {
          tags: ['auth'],
          summary: 'Set or change your own unlock PIN (4–8 digits), confirmed with your password',
          body: unlockPinBody,
          response: { 204: noContent },
        },
      },
      async (request, reply) => {
        await lock.setUnlockPin(ctx, signInOf(request), request.body)
        return reply.status(204).send()
      },
    )

    app.delete(
      '/api/v1/auth/unlock-pin',
      { schema: { tags: ['auth'], summary: 'Remove your own unlock PIN', response: { 204: noContent } } },
      async (request, reply) => {
        await lock.removeUnlockPin(ctx, signInOf(request))
        return reply.status(204).send()
      },
    )
  }
}
