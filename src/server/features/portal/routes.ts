import type { FastifyReply, FastifyRequest } from 'fastify'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { AppContext } from '../../context'
import { AppError } from '../../errors'
import { sessionOf } from '../../plugins/auth'
import { patientParams } from '../../schemas'
import { isCsrfTokenValid } from '../auth/service'
import * as auth from './auth'
import type { PortalPatient } from './patient-scope'
import * as portal from './service'

const answers = z.record(z.string(), z.union([z.number(), z.boolean(), z.null()]))
const tokenParams = z.object({ token: z.string().min(20).max(100) })
const surveyParams = z.object({ surveyId: z.uuid() })

export function portalRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const setCookie = (reply: FastifyReply, token: string) =>
    reply.setCookie(auth.portalCookie, token, {
      path: '/',
      httpOnly: true,
      sameSite: 'strict',
      secure: ctx.config.secureCookies,
      maxAge: 8 * 3600,
    })

  /** The signed-in patient; writes must carry the portal session's CSRF token. */
  async function patientOf(request: FastifyRequest): Promise<PortalPatient & { csrfToken: string }> {
    const patient = await auth.resolvePortalSession(ctx, request.cookies[auth.portalCookie], request.ip)
    if (request.method !== 'GET') {
      const header = request.headers['x-csrf-token']
      if (!isCsrfTokenValid(patient.csrfToken, Array.isArray(header) ? header[0] : header)) {
        throw new AppError(
          'csrf-token-invalid',
          'The request lacks a valid x-csrf-token header. Reload the page and try again.',
        )
      }
    }
    return patient
  }

  return async (app) => {
    const tags = ['portal']
    const pub = { auth: 'public' as const }
    const limited = {
      auth: 'public' as const,
      rateLimit: { max: ctx.config.loginRateLimitPerMin, timeWindow: '1 minute' },
    }

    // Staff side.
    app.post(
      '/api/v1/clinics/:clinicId/patients/:patientId/portal-invite',
      {
        schema: {
          tags,
          summary:
            'Invite the patient to the portal: a one-time link (7 days), also e-mailed through the outbox',
          params: patientParams,
          body: z.object({}).optional(),
          response: { 201: z.object({ inviteUrl: z.string(), expiresAt: z.date() }) },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await portal.invitePatient(
              ctx,
              sessionOf(request).principal,
              request.params.clinicId,
              request.params.patientId,
              ctx.config.publicUrl,
            ),
          ),
    )
    app.get(
      '/api/v1/clinics/:clinicId/patients/:patientId/portal',
      {
        schema: {
          tags,
          summary: "The patient's portal account status",
          params: patientParams,
          response: {
            200: z.object({
              hasAccount: z.boolean(),
              invitedAt: z.date().nullable(),
              lastSignInAt: z.date().nullable(),
            }),
          },
        },
      },
      async (request) =>
        portal.portalStatus(
          ctx,
          sessionOf(request).principal,
          request.params.clinicId,
          request.params.patientId,
        ),
    )

    // Patient side.
    app.get(
      '/api/v1/portal/invites/:token',
      {
        config: limited,
        schema: {
          tags,
          summary: 'What an invite link is for (404 unknown, 410 used or expired)',
          params: tokenParams,
        },
      },
      async (request) => auth.describeInvite(ctx, request.params.token),
    )
    app.post(
      '/api/v1/portal/invites/:token/accept',
      {
        config: limited,
        schema: {
          tags,
          summary: 'Choose a password and sign in',
          params: tokenParams,
          body: z.object({ password: z.string().min(12, 'must be at least 12 characters').max(200) }),
        },
      },
      async (request, reply) => {
        const issued = await auth.acceptInvite(ctx, request.params.token, request.body.password, request.ip)
        setCookie(reply, issued.token)
        return { csrfToken: issued.csrfToken }
      },
    )
    app.post(
      '/api/v1/portal/login',
      {
        config: limited,
        schema: {
          tags,
          summary: 'Patient sign-in',
          body: z.object({ email: z.string().trim().min(3).max(320), password: z.string().min(1).max(200) }),
        },
      },
      async (request, reply) => {
        const issued = await auth.signInPatient(ctx, request.body.email, request.body.password, request.ip)
        setCookie(reply, issued.token)
        return { csrfToken: issued.csrfToken }
      },
    )
    app.post(
      '/api/v1/portal/magic/:token',
      {
        config: limited,
        schema: {
          tags,
          summary: 'Open a one-time questionnaire link: a session limited to that survey',
          params: tokenParams,
          body: z.object({}).optional(),
        },
      },
      async (request, reply) => {
        const issued = await auth.openMagicLink(ctx, request.params.token, request.ip)
        setCookie(reply, issued.token)
        return { csrfToken: issued.csrfToken, surveyId: issued.surveyId }
      },
    )
    app.post(
      '/api/v1/portal/logout',
      { config: pub, schema: { tags, summary: 'Sign out', body: z.object({}).optional() } },
      async (request, reply) => {
        await auth.signOutPatient(ctx, await patientOf(request))
        reply.clearCookie(auth.portalCookie, { path: '/' })
        return reply.status(204).send()
      },
    )
    app.get(
      '/api/v1/portal/me',
      { config: pub, schema: { tags, summary: 'The signed-in patient' } },
      async (request) => portal.describeMe(ctx, await patientOf(request)),
    )
    app.get(
      '/api/v1/portal/surveys',
      {
        config: pub,
        schema: {
          tags,
          summary: 'Questionnaires due (weekly PHQ-9 and GAD-7; QIDS-SR16 the day after each session)',
        },
      },
      async (request) => portal.listSurveys(ctx, await patientOf(request)),
    )
    app.put(
      '/api/v1/portal/surveys/:surveyId',
      {
        config: pub,
        schema: { tags, summary: 'Save answers so far', params: surveyParams, body: z.object({ answers }) },
      },
      async (request) =>
        portal.saveSurvey(ctx, await patientOf(request), request.params.surveyId, request.body.answers),
    )
    app.post(
      '/api/v1/portal/surveys/:surveyId/submit',
      {
        config: pub,
        schema: {
          tags,
          summary: 'Submit: scored; PHQ-9 item 9 > 0 alerts the clinic at once',
          params: surveyParams,
          body: z.object({ answers }),
        },
      },
      async (request) =>
        portal.submitSurvey(ctx, await patientOf(request), request.params.surveyId, request.body.answers),
    )
    app.get(
      '/api/v1/portal/progress',
      {
        config: pub,
        schema: { tags, summary: 'Scores over time with response and remission lines, and session dates' },
      },
      async (request) => portal.progress(ctx, await patientOf(request)),
    )
    app.get(
      '/api/v1/portal/appointments',
      { config: pub, schema: { tags, summary: 'Upcoming sessions with pre-visit instructions' } },
      async (request) => portal.appointments(ctx, await patientOf(request)),
    )
    app.get(
      '/api/v1/portal/documents',
      { config: pub, schema: { tags, summary: 'Signed consents and discharge instructions' } },
      async (request) => portal.documents(ctx, await patientOf(request)),
    )
    app.get(
      '/api/v1/portal/documents/:kind/:id.pdf',
      {
        config: pub,
        schema: {
          tags,
          summary: 'A document as PDF',
          params: z.object({ kind: z.enum(['consent', 'discharge']), id: z.uuid() }),
        },
      },
      async (request, reply) => {
        const { filename, pdf } = await portal.documentPdf(
          ctx,
          await patientOf(request),
          request.params.kind,
          request.params.id,
        )
        return reply
          .type('application/pdf')
          .header('content-disposition', `inline; filename="${filename}"`)
          .send(pdf)
      },
    )
  }
}
