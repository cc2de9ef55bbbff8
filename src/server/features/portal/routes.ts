import type { FastifyReply, FastifyRequest } from 'fastify'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { codeBody, mfaEnrolmentSchema } from '../../../contract/auth'
import { noContent, patientParams } from '../../../contract/common'
import {
  acceptInviteBody,
  answersBody,
  disableMfaBody,
  documentParams,
  inviteCreatedSchema,
  inviteSchema,
  magicLinkSchema,
  mfaVerifiedSchema,
  portalAppointmentSchema,
  portalDocumentSchema,
  portalLoginBody,
  portalMeSchema,
  portalMfaStatusSchema,
  portalProgressSchema,
  portalSignInSchema,
  portalStatusSchema,
  portalSurveySchema,
  sessionStartedSchema,
  surveyParams,
  surveyResultSchema,
  tokenParams,
} from '../../../contract/portal'
import { contentDisposition } from '../../content-disposition'
import type { AppContext } from '../../context'
import { AppError } from '../../errors'
import { isCsrfTokenValid, signInOf } from '../../plugins/auth'
import * as auth from './auth'
import * as mfa from './mfa'
import { mfaPendingError, type PortalPatient } from './patient-scope'
import * as portal from './service'

const tags = ['portal']
const pub = { auth: 'public' as const }

/** Public, and rate-limited per address like the staff sign-in. */
const limitedOf = (ctx: AppContext) => ({
  auth: 'public' as const,
  rateLimit: { max: ctx.config.loginRateLimitPerMin, timeWindow: '1 minute' },
})

function setPortalCookie(ctx: AppContext, reply: FastifyReply, token: string) {
  reply.setCookie(auth.portalCookie, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: ctx.config.secureCookies,
    maxAge: 8 * 3600,
  })
}

/**
 * The signed-in patient; writes must carry the portal session's CSRF token. A session still
 * waiting for its code is refused unless the route is part of finishing (or abandoning) sign-in.
 */
async function patientOf(
  ctx: AppContext,
  request: FastifyRequest,
  options: { allowMfaPending?: boolean } = {},
): Promise<PortalPatient & { csrfToken: string }> {
  const patient = await auth.resolvePortalSession(ctx, request.cookies[auth.portalCookie], request.ip)
  if (patient.scope === 'mfa-pending' && !options.allowMfaPending) throw mfaPendingError()
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

export function portalRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(staffSideRoutes(ctx))
    await app.register(signInRoutes(ctx))
    await app.register(mfaRoutes(ctx))
    await app.register(linkRoutes(ctx))
    await app.register(patientRoutes(ctx))
  }
}

/** The staff side: the chart's portal status and the invite. */
function staffSideRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/api/v1/clinics/:clinicId/patients/:patientId/portal-invite',
      {
        schema: {
          tags,
          summary:
            'Invite the patient to the portal: a one-time link (7 days) e-mailed through the outbox. Without an e-mail server it is shown once, only to roles that may read the chart; resetting an active account needs such a role',
          params: patientParams,
          body: z.object({}).optional(),
          response: { 201: inviteCreatedSchema },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await portal.invitePatient(
              ctx,
              signInOf(request).principal,
              request.params.clinicId,
              request.params.patientId,
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
          response: { 200: portalStatusSchema },
        },
      },
      async (request) =>
        portal.portalStatus(
          ctx,
          signInOf(request).principal,
          request.params.clinicId,
          request.params.patientId,
        ),
    )
  }
}

/** The patient's sign-in: an invite, a password, a one-time questionnaire link, sign-out. */
function signInRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const limited = limitedOf(ctx)
  return async (app) => {
    app.get(
      '/api/v1/portal/invites/:token',
      {
        config: limited,
        schema: {
          tags,
          summary: 'What an invite link is for (404 unknown, 410 used or expired)',
          params: tokenParams,
          response: { 200: inviteSchema },
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
          body: acceptInviteBody,
          response: { 200: sessionStartedSchema },
        },
      },
      async (request, reply) => {
        const issued = await auth.acceptInvite(ctx, request.params.token, request.body.password, request.ip)
        setPortalCookie(ctx, reply, issued.token)
        return { csrfToken: issued.csrfToken }
      },
    )
    app.post(
      '/api/v1/portal/login',
      {
        config: limited,
        schema: {
          tags,
          summary:
            "Patient sign-in; with two-step sign-in on, the session waits for a code ('mfa-required') and reaches no patient data",
          body: portalLoginBody,
          response: { 200: portalSignInSchema },
        },
      },
      async (request, reply) => {
        const issued = await auth.signInPatient(ctx, request.body.email, request.body.password, request.ip)
        setPortalCookie(ctx, reply, issued.token)
        return {
          csrfToken: issued.csrfToken,
          state: issued.scope === 'mfa-pending' ? ('mfa-required' as const) : ('signed-in' as const),
        }
      },
    )
  }
}

/** Two-step sign-in: the second step, and turning it on and off. */
function mfaRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const limited = limitedOf(ctx)
  return async (app) => {
    app.post(
      '/api/v1/portal/mfa/verify',
      {
        config: limited,
        schema: {
          tags,
          summary: 'Second sign-in step: a code from the authenticator app opens a new, full session',
          body: codeBody,
          response: { 200: mfaVerifiedSchema },
        },
      },
      async (request, reply) => {
        const patient = await patientOf(ctx, request, { allowMfaPending: true })
        const issued = await mfa.verifyMfaSignIn(ctx, patient, request.body.code)
        setPortalCookie(ctx, reply, issued.token)
        return { csrfToken: issued.csrfToken, state: 'signed-in' as const }
      },
    )
    app.get(
      '/api/v1/portal/mfa',
      {
        config: pub,
        schema: { tags, summary: 'Whether two-step sign-in is on', response: { 200: portalMfaStatusSchema } },
      },
      async (request) => mfa.mfaStatus(ctx, await patientOf(ctx, request)),
    )
    app.post(
      '/api/v1/portal/mfa/enrol',
      {
        config: pub,
        schema: {
          tags,
          summary: 'Start setting up two-step sign-in: a new secret, its otpauth URI and QR code',
          body: z.object({}).optional(),
          response: { 200: mfaEnrolmentSchema },
        },
      },
      async (request) => mfa.startMfaEnrolment(ctx, await patientOf(ctx, request)),
    )
    app.post(
      '/api/v1/portal/mfa/enrol/confirm',
      {
        config: limited,
        schema: {
          tags,
          summary: 'Turn two-step sign-in on with a first code; other sessions end',
          body: codeBody,
          response: { 200: portalMfaStatusSchema },
        },
      },
      async (request) => mfa.confirmMfaEnrolment(ctx, await patientOf(ctx, request), request.body.code),
    )
    app.post(
      '/api/v1/portal/mfa/disable',
      {
        config: limited,
        schema: {
          tags,
          summary: 'Turn two-step sign-in off with the current password or a code',
          body: disableMfaBody,
          response: { 200: portalMfaStatusSchema },
        },
      },
      async (request) => {
        const { password, code } = request.body
        return mfa.disableMfa(
          ctx,
          await patientOf(ctx, request),
          code !== undefined ? { code } : { password: password ?? '' },
        )
      },
    )
  }
}

/** A one-time questionnaire link, and sign-out. */
function linkRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const limited = limitedOf(ctx)
  return async (app) => {
    app.post(
      '/api/v1/portal/magic/:token',
      {
        config: limited,
        schema: {
          tags,
          summary: 'Open a one-time questionnaire link: a session limited to that survey',
          params: tokenParams,
          body: z.object({}).optional(),
          response: { 200: magicLinkSchema },
        },
      },
      async (request, reply) => {
        const issued = await auth.openMagicLink(ctx, request.params.token, request.ip)
        setPortalCookie(ctx, reply, issued.token)
        return { csrfToken: issued.csrfToken, surveyId: issued.surveyId }
      },
    )
    app.post(
      '/api/v1/portal/logout',
      {
        config: pub,
        schema: { tags, summary: 'Sign out', body: z.object({}).optional(), response: { 204: noContent } },
      },
      async (request, reply) => {
        await auth.signOutPatient(ctx, await patientOf(ctx, request, { allowMfaPending: true }))
        reply.clearCookie(auth.portalCookie, { path: '/' })
        return reply.status(204).send()
      },
    )
  }
}

/** What a signed-in patient reads and answers. */
function patientRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/v1/portal/me',
      { config: pub, schema: { tags, summary: 'The signed-in patient', response: { 200: portalMeSchema } } },
      async (request) => portal.describeMe(ctx, await patientOf(ctx, request)),
    )
    app.get(
      '/api/v1/portal/surveys',
      {
        config: pub,
        schema: {
          tags,
          summary: 'Questionnaires due (weekly PHQ-9 and GAD-7; QIDS-SR16 the day after each session)',
          response: { 200: z.array(portalSurveySchema) },
        },
      },
      async (request) => portal.listSurveys(ctx, await patientOf(ctx, request)),
    )
    app.put(
      '/api/v1/portal/surveys/:surveyId',
      {
        config: pub,
        schema: {
          tags,
          summary: 'Save answers so far',
          params: surveyParams,
          body: answersBody,
          response: { 200: portalSurveySchema },
        },
      },
      async (request) =>
        portal.saveSurvey(ctx, await patientOf(ctx, request), request.params.surveyId, request.body.answers),
    )
    app.post(
      '/api/v1/portal/surveys/:surveyId/submit',
      {
        config: pub,
        schema: {
          tags,
          summary:
            'Submit: scored; a suicidal-ideation answer at the clinic alert level (§4) alerts the clinic at once',
          params: surveyParams,
          body: answersBody,
          response: { 200: surveyResultSchema },
        },
      },
      async (request) =>
        portal.submitSurvey(
          ctx,
          await patientOf(ctx, request),
          request.params.surveyId,
          request.body.answers,
        ),
    )
    app.get(
      '/api/v1/portal/progress',
      {
        config: pub,
        schema: {
          tags,
          summary: 'Scores over time with response and remission lines, and session dates',
          response: { 200: portalProgressSchema },
        },
      },
      async (request) => portal.progress(ctx, await patientOf(ctx, request)),
    )
    app.get(
      '/api/v1/portal/appointments',
      {
        config: pub,
        schema: {
          tags,
          summary: 'Upcoming sessions with pre-visit instructions',
          response: { 200: z.array(portalAppointmentSchema) },
        },
      },
      async (request) => portal.appointments(ctx, await patientOf(ctx, request)),
    )
    app.get(
      '/api/v1/portal/documents',
      {
        config: pub,
        schema: {
          tags,
          summary: 'Signed consents and discharge instructions',
          response: { 200: z.array(portalDocumentSchema) },
        },
      },
      async (request) => portal.documents(ctx, await patientOf(ctx, request)),
    )
    app.get(
      '/api/v1/portal/documents/:kind/:id.pdf',
      {
        config: pub,
        schema: {
          tags,
          summary: 'A document as PDF',
          params: documentParams,
        },
      },
      async (request, reply) => {
        const { filename, pdf } = await portal.documentPdf(
          ctx,
          await patientOf(ctx, request),
          request.params.kind,
          request.params.id,
        )
        return reply
          .type('application/pdf')
          .header('content-disposition', contentDisposition('inline', filename))
          .send(pdf)
      },
    )
  }
}
