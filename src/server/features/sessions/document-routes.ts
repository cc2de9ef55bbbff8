import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { remsFormSchema } from '../../../contract/sessions'
import type { AppContext } from '../../context'
import { routeTable, sendPdf } from '../../route-table'
import { sessionParams as params, session } from './action-routes'
import { getRemsForm, sessionPdf } from './documents'

/** A session's documents: the REMS monitoring form's fields and the printable PDFs. */
export function sessionDocumentRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return routeTable(ctx, ['sessions'], ({ get, call }) => {
    const base = '/api/v1/clinics/:clinicId/sessions/:sessionId'
    get(
      `${base}/rems`,
      'REMS Patient Monitoring Form fields filled from the chart (esketamine)',
      { params, 200: remsFormSchema },
      call(session, getRemsForm),
    )
    for (const kind of ['record', 'discharge-instructions', 'rems'] as const) {
      get(
        `${base}/${kind}.pdf`,
        `The ${kind.replace('-', ' ')} as a printable PDF`,
        { params },
        async ({ principal, clinicId, sessionId, reply }) =>
          sendPdf(reply, await sessionPdf(ctx, principal, clinicId, sessionId, kind)),
      )
    }
  })
}
