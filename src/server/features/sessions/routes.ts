import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { viewSchema } from '../../../contract/sessions'
import type { AppContext } from '../../context'
import { routeTable } from '../../route-table'
import { registerActionRoutes, session, sessionParams } from './action-routes'
import * as schedule from './schedule'

// The chair-side record and its writes. Booking, chairs, the board and a patient's sessions are in
// schedule-routes.ts; the REMS form and the PDFs in document-routes.ts; the live streams in live-routes.ts.
export function sessionRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return routeTable(ctx, ['sessions'], (routes) => {
    routes.get(
      '/api/v1/clinics/:clinicId/sessions/:sessionId',
      'The chair-side record with its computed checks, alerts, readiness and predicted levels',
      { params: sessionParams, 200: viewSchema },
      routes.call(session, schedule.getSession),
    )
    registerActionRoutes(routes, ctx)
  })
}
