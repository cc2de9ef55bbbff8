import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { type StaffRole, staffRoles } from '../../../domain/access/permissions'
import type { AppContext } from '../../context'
import { AppError } from '../../errors'
import { clearSessionCookie, sessionCookie, setSessionCookie, signInOf } from '../../plugins/auth'
import * as lock from './lock'
import * as mfa from './mfa'
import { pinRules } from './pin-rules'
import { resolveSignIn } from './resolve-sign-in'
import * as auth from './service'

const stateSchema = z.enum(['signed-in', 'mfa-required', 'mfa-enrolment-required'])
const issuedSchema = z.object({ state: stateSchema, csrfToken: z.string() })
/** A TOTP code as both sign-ins take it (the portal's two-step routes too). */
export const codeBody = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, 'must be the 6-digit code from your authenticator app'),
})

export const meSchema = z.object({
  state: stateSchema,
  csrfToken: z.string(),
  user: z.object({
    id: z.string(),
    email: z.string(),
    displayName: z.string(),
    mfaEnrolled: z.boolean(),
    hasUnlockPin: z.boolean(),
  }),
  memberships: z.array(
    z.object({
      clinicId: z.string(),
      clinicName: z.string(),
      organizationName: z.string(),
      role: z.enum(staffRoles as unknown as [StaffRole, ...StaffRole[]]),
      permissions: z.array(z.string()),
    }),
  ),
  idleTimeoutMin: z.number(),
  lockedMaxHours: z.number(),
  sessionExpiresAt: z.string(),
})

/** The sign-in page's probe: no sign-in is an answer, not an error (issue 14). */
const signedOutSchema = z.object({
  state: z.literal('signed-out'),
  reason: z.enum(['not-signed-in', 'session-expired']),
})

const pinField = z
  .string()
  .trim()
  .regex(/^\d+$/, 'must be digits only')
  .min(pinRules.minLength, `must be ${pinRules.minLength} to ${pinRules.maxLength} digits`)
  .max(pinRules.maxLength, `must be ${pinRules.minLength} to ${pinRules.maxLength} digits`)
const unlockBody = z
  .object({ pin: pinField.optional(), password: z.string().min(1).max(200).optional() })
  .refine((b) => (b.pin === undefined) !== (b.password === undefined), {
    message: 'give either your PIN or your password',
    path: ['pin'],
  })

export function authRoutes(ctx: AppContext): FastifyPluginAsyncZod {
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
          body: z.object({ email: z.string().trim().min(3).max(320), password: z.string().min(1).max(200) }),
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
          response: { 200: z.object({ secret: z.string(), otpauthUrl: z.string(), qrDataUrl: z.string() }) },
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
        schema: { tags: ['auth'], summary: 'Sign out (a locked sign-in too)', body: z.object({}).optional() },
      },
      async (request, reply) => {
        await auth.signOut(ctx, signInOf(request))
        clearSessionCookie(reply, ctx)
        return reply.status(204).send()
      },
    )

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
          response: { 200: z.union([meSchema, signedOutSchema]) },
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

    app.post(
      '/api/v1/auth/lock',
      {
        config: { allowLocked: true },
        schema: {
          tags: ['auth'],
          summary: 'Lock this sign-in now (the screen went idle or the user pressed Lock)',
          body: z.object({}).optional(),
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
          response: { 200: z.object({ csrfToken: z.string() }) },
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
          body: z.object({ pin: pinField, password: z.string().min(1).max(200) }),
        },
      },
      async (request, reply) => {
        await lock.setUnlockPin(ctx, signInOf(request), request.body)
        return reply.status(204).send()
      },
    )

    app.delete(
      '/api/v1/auth/unlock-pin',
      { schema: { tags: ['auth'], summary: 'Remove your own unlock PIN' } },
      async (request, reply) => {
        await lock.removeUnlockPin(ctx, signInOf(request))
        return reply.status(204).send()
      },
    )
  }
}
