import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { clinicParams, instant, isoDate, optionalText, patientParams } from '../../../contract/common'
import { viewSchema } from '../../../contract/sessions'
import { contentDisposition } from '../../content-disposition'
import type { AppContext } from '../../context'
import { signInOf } from '../../plugins/auth'
import { registerActionRoutes, sessionParams } from './action-routes'
import { getRemsForm, sessionPdf } from './documents'
import * as schedule from './schedule'

export function sessionRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const base = '/api/v1/clinics/:clinicId/sessions/:sessionId'
    const tags = ['sessions']

    app.get(
      '/api/v1/clinics/:clinicId/chairs',
      {
        schema: {
          tags,
          summary: "The clinic's treatment chairs",
          params: clinicParams,
          response: { 200: z.array(z.object({ id: z.string(), name: z.string(), isActive: z.boolean() })) },
        },
      },
      async (request) => schedule.listChairs(ctx, signInOf(request).principal, request.params.clinicId),
    )
    app.post(
      '/api/v1/clinics/:clinicId/chairs',
      {
        schema: {
          tags,
          summary: 'Add a chair (administrator)',
          params: clinicParams,
          body: z.object({ name: z.string().trim().min(1).max(60) }),
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await schedule.addChair(
              ctx,
              signInOf(request).principal,
              request.params.clinicId,
              request.body.name,
            ),
          ),
    )
    app.get(
      '/api/v1/clinics/:clinicId/board',
      {
        schema: {
          tags,
          summary:
            "The day's board: chairs, sessions, states, next vitals due, open alerts, REMS forms owed (for live updates open …/board/live)",
          params: clinicParams,
          querystring: z.object({ date: isoDate.optional() }),
        },
      },
      async (request) =>
        schedule.getBoard(ctx, signInOf(request).principal, request.params.clinicId, request.query.date),
    )
    app.post(
      '/api/v1/clinics/:clinicId/sessions',
      {
        schema: {
          tags,
          summary:
            'Book the next session of the patient’s approved plan (spacing is checked; a prescriber may override with a reason)',
          params: clinicParams,
          body: z.object({
            patientId: z.uuid(),
            chairId: z.uuid(),
            scheduledAt: instant,
            plannedDurationMin: z.number().int().min(15).max(480).optional(),
            spacingOverrideReason: optionalText(1000),
          }),
          response: { 201: viewSchema },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await schedule.bookSession(
              ctx,
              signInOf(request).principal,
              request.params.clinicId,
              request.body,
            ),
          ),
    )
    app.get(
      '/api/v1/clinics/:clinicId/patients/:patientId/sessions',
      { schema: { tags, summary: "A patient's sessions", params: patientParams } },
      async (request) =>
        schedule.listSessionsOfPatient(
          ctx,
          signInOf(request).principal,
          request.params.clinicId,
          request.params.patientId,
        ),
    )
    app.get(
      '/api/v1/clinics/:clinicId/patients/:patientId/sessions/suggested-dates',
      {
        schema: {
          tags,
          summary: 'Next dates by the plan’s cadence or the esketamine label schedule',
          params: patientParams,
        },
      },
      async (request) =>
        schedule.suggestDates(
          ctx,
          signInOf(request).principal,
          request.params.clinicId,
          request.params.patientId,
        ),
    )
    app.get(
      base,
      {
        schema: {
          tags,
          summary: 'The chair-side record with its computed checks, alerts, readiness and predicted levels',
          params: sessionParams,
          response: { 200: viewSchema },
        },
      },
      async (request) =>
        schedule.getSession(
          ctx,
          signInOf(request).principal,
          request.params.clinicId,
          request.params.sessionId,
        ),
    )

    registerActionRoutes(app, ctx, tags)

    app.get(
      `${base}/rems`,
      {
        schema: {
          tags,
          summary: 'REMS Patient Monitoring Form fields filled from the chart (esketamine)',
          params: sessionParams,
        },
      },
      async (request) =>
        getRemsForm(ctx, signInOf(request).principal, request.params.clinicId, request.params.sessionId),
    )
    for (const kind of ['record', 'discharge-instructions', 'rems'] as const) {
      app.get(
        `${base}/${kind}.pdf`,
        {
          schema: {
            tags,
            summary: `The ${kind.replace('-', ' ')} as a printable PDF`,
            params: sessionParams,
          },
        },
        async (request, reply) => {
          const { filename, pdf } = await sessionPdf(
            ctx,
            signInOf(request).principal,
            request.params.clinicId,
            request.params.sessionId,
            kind,
          )
          return reply
            .type('application/pdf')
            .header('content-disposition', contentDisposition('inline', filename))
            .send(pdf)
        },
      )
    }
  }
}
