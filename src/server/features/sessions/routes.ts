import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { viewSchema } from '../../../contract/sessions'
import type { AppContext } from '../../context'
import { signInOf } from '../../plugins/auth'
import { registerActionRoutes, sessionParams } from './action-routes'
import * as schedule from './schedule'

// The chair-side record and its writes. Booking, chairs, the board and a patient's sessions are in
// schedule-routes.ts; the REMS form and the PDFs in document-routes.ts; the live streams in live-routes.ts.
export function sessionRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['sessions']
    app.get(
      '/api/v1/clinics/:clinicId/sessions/:sessionId',
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
  }
}
