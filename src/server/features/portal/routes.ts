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
import type { AppContext } from '../../context'
import { AppError } from '../../errors'
import { isCsrfTokenValid } from '../../plugins/auth'
import { patient, type RouteTable, routeTable, sendPdf, signInRateLimit } from '../../route-table'
import * as auth from './auth'
import * as mfa from './mfa'
import { mfaPendingError, type PortalPatient } from './patient-scope'
import * as portal from './service'

const pub = { auth: 'public' as const }
const noBody = z.object({}).optional()

/** Public, and rate-limited per address like the staff sign-in. */
const limitedOf = (ctx: AppContext) => ({ ...pub, rateLimit: signInRateLimit(ctx) })

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
  return routeTable(ctx, ['portal'], (routes) => {
    staffSideRoutes(routes, ctx)
    signInRoutes(routes, ctx)
    mfaRoutes(routes, ctx)
    linkRoutes(routes, ctx)
    patientRoutes(routes, ctx)
  })
}

/** The staff side: the chart's portal status and the invite. */
function staffSideRoutes({ get, post, call }: RouteTable, ctx: AppContext) {
  const base = '/api/v1/clinics/:clinicId/patients/:patientId'
  post(
    `${base}/portal-invite`,
    'Invite the patient to the portal: a one-time link (7 days) e-mailed through the outbox. Without an e-mail server it is shown once, only to roles that may read the chart; resetting an active account needs such a role',
    { params: patientParams, body: noBody, 201: inviteCreatedSchema },
    ({ principal, clinicId, patientId }) => portal.invitePatient(ctx, principal, clinicId, patientId),
  )
  get(
    `${base}/portal`,
    "The patient's portal account status",
    { params: patientParams, 200: portalStatusSchema },
    call(patient, portal.portalStatus),
  )
}

/** The patient's sign-in: an invite, a password, a one-time questionnaire link, sign-out. */
function signInRoutes({ get, post }: RouteTable, ctx: AppContext) {
  const config = limitedOf(ctx)
  get(
    '/api/v1/portal/invites/:token',
    'What an invite link is for (404 unknown, 410 used or expired)',
    { config, params: tokenParams, 200: inviteSchema },
    ({ token }) => auth.describeInvite(ctx, token),
  )
  post(
    '/api/v1/portal/invites/:token/accept',
    'Choose a password and sign in',
    { config, params: tokenParams, body: acceptInviteBody, 200: sessionStartedSchema },
    async ({ token, body, request, reply }) => {
      const issued = await auth.acceptInvite(ctx, token, body.password, request.ip)
      setPortalCookie(ctx, reply, issued.token)
      return { csrfToken: issued.csrfToken }
    },
  )
  post(
    '/api/v1/portal/login',
    "Patient sign-in; with two-step sign-in on, the session waits for a code ('mfa-required') and reaches no patient data",
    { config, body: portalLoginBody, 200: portalSignInSchema },
    async ({ body, request, reply }) => {
      const issued = await auth.signInPatient(ctx, body.email, body.password, request.ip)
      setPortalCookie(ctx, reply, issued.token)
      return {
        csrfToken: issued.csrfToken,
        state: issued.scope === 'mfa-pending' ? ('mfa-required' as const) : ('signed-in' as const),
      }
    },
  )
}

/** Two-step sign-in: the second step, and turning it on and off. */
function mfaRoutes({ get, post }: RouteTable, ctx: AppContext) {
  const limited = limitedOf(ctx)
  post(
    '/api/v1/portal/mfa/verify',
    'Second sign-in step: a code from the authenticator app opens a new, full session',
    { config: limited, body: codeBody, 200: mfaVerifiedSchema },
    async ({ body, request, reply }) => {
      const patient = await patientOf(ctx, request, { allowMfaPending: true })
      const issued = await mfa.verifyMfaSignIn(ctx, patient, body.code)
      setPortalCookie(ctx, reply, issued.token)
      return { csrfToken: issued.csrfToken, state: 'signed-in' as const }
    },
  )
  get(
    '/api/v1/portal/mfa',
    'Whether two-step sign-in is on',
    { config: pub, 200: portalMfaStatusSchema },
    async ({ request }) => mfa.mfaStatus(ctx, await patientOf(ctx, request)),
  )
  post(
    '/api/v1/portal/mfa/enrol',
    'Start setting up two-step sign-in: a new secret, its otpauth URI and QR code',
    { config: pub, body: noBody, 200: mfaEnrolmentSchema },
    async ({ request }) => mfa.startMfaEnrolment(ctx, await patientOf(ctx, request)),
  )
  post(
    '/api/v1/portal/mfa/enrol/confirm',
    'Turn two-step sign-in on with a first code; other sessions end',
    { config: limited, body: codeBody, 200: portalMfaStatusSchema },
    async ({ body, request }) => mfa.confirmMfaEnrolment(ctx, await patientOf(ctx, request), body.code),
  )
  post(
    '/api/v1/portal/mfa/disable',
    'Turn two-step sign-in off with the current password or a code',
    { config: limited, body: disableMfaBody, 200: portalMfaStatusSchema },
    async ({ body: { password, code }, request }) =>
      mfa.disableMfa(
        ctx,
        await patientOf(ctx, request),
        code !== undefined ? { code } : { password: password ?? '' },
      ),
  )
}

/** A one-time questionnaire link, and sign-out. */
function linkRoutes({ post }: RouteTable, ctx: AppContext) {
  post(
    '/api/v1/portal/magic/:token',
    'Open a one-time questionnaire link: a session limited to that survey',
    { config: limitedOf(ctx), params: tokenParams, body: noBody, 200: magicLinkSchema },
    async ({ token, request, reply }) => {
      const issued = await auth.openMagicLink(ctx, token, request.ip)
      setPortalCookie(ctx, reply, issued.token)
      return { csrfToken: issued.csrfToken, surveyId: issued.surveyId }
    },
  )
  post(
    '/api/v1/portal/logout',
    'Sign out',
    { config: pub, body: noBody, 204: noContent },
    async ({ request, reply }) => {
      await auth.signOutPatient(ctx, await patientOf(ctx, request, { allowMfaPending: true }))
      reply.clearCookie(auth.portalCookie, { path: '/' })
    },
  )
}

/** What a signed-in patient reads and answers. */
function patientRoutes({ get, put, post }: RouteTable, ctx: AppContext) {
  const config = pub
  get('/api/v1/portal/me', 'The signed-in patient', { config, 200: portalMeSchema }, async ({ request }) =>
    portal.describeMe(ctx, await patientOf(ctx, request)),
  )
  get(
    '/api/v1/portal/surveys',
    'Questionnaires due (weekly PHQ-9 and GAD-7; QIDS-SR16 the day after each session)',
    { config, 200: z.array(portalSurveySchema) },
    async ({ request }) => portal.listSurveys(ctx, await patientOf(ctx, request)),
  )
  put(
    '/api/v1/portal/surveys/:surveyId',
    'Save answers so far',
    { config, params: surveyParams, body: answersBody, 200: portalSurveySchema },
    async ({ surveyId, body, request }) =>
      portal.saveSurvey(ctx, await patientOf(ctx, request), surveyId, body.answers),
  )
  post(
    '/api/v1/portal/surveys/:surveyId/submit',
    'Submit: scored; a suicidal-ideation answer at the clinic alert level (§4) alerts the clinic at once',
    { config, params: surveyParams, body: answersBody, 200: surveyResultSchema },
    async ({ surveyId, body, request }) =>
      portal.submitSurvey(ctx, await patientOf(ctx, request), surveyId, body.answers),
  )
  get(
    '/api/v1/portal/progress',
    'Scores over time with response and remission lines, and session dates',
    { config, 200: portalProgressSchema },
    async ({ request }) => portal.progress(ctx, await patientOf(ctx, request)),
  )
  get(
    '/api/v1/portal/appointments',
    'Upcoming sessions with pre-visit instructions',
    { config, 200: z.array(portalAppointmentSchema) },
    async ({ request }) => portal.appointments(ctx, await patientOf(ctx, request)),
  )
  get(
    '/api/v1/portal/documents',
    'Signed consents and discharge instructions',
    { config, 200: z.array(portalDocumentSchema) },
    async ({ request }) => portal.documents(ctx, await patientOf(ctx, request)),
  )
  get(
    '/api/v1/portal/documents/:kind/:id.pdf',
    'A document as PDF',
    { config, params: documentParams },
    async ({ kind, id, request, reply }) =>
      sendPdf(reply, await portal.documentPdf(ctx, await patientOf(ctx, request), kind, id)),
  )
}
