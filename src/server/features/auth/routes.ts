import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { type StaffRole, staffRoles } from '../../../domain/access/permissions'
import type { AppContext } from '../../context'
import { clearSessionCookie, sessionCookie, sessionOf, setSessionCookie } from '../../plugins/auth'
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
  user: z.object({ id: z.string(), email: z.string(), displayName: z.string(), mfaEnrolled: z.boolean() }),
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
  sessionExpiresAt: z.string(),
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
        const issued = await auth.verifyMfa(ctx, sessionOf(request), request.body.code)
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
      async (request) => auth.startMfaEnrolment(ctx, sessionOf(request)),
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
        const issued = await auth.confirmMfaEnrolment(ctx, sessionOf(request), request.body.code)
        setSessionCookie(reply, ctx, issued.token)
        return { state: issued.state, csrfToken: issued.csrfToken }
      },
    )

    app.post(
      '/api/v1/auth/logout',
      {
        config: { auth: 'pending' },
        schema: { tags: ['auth'], summary: 'Sign out', body: z.object({}).optional() },
      },
      async (request, reply) => {
        await auth.signOut(ctx, sessionOf(request))
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
      async (request) => auth.describeSession(ctx, sessionOf(request)),
    )
  }
}
