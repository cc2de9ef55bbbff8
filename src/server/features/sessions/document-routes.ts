import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { clinicParams } from '../../../contract/common'
import { remsFormSchema } from '../../../contract/sessions'
import { contentDisposition } from '../../content-disposition'
import type { AppContext } from '../../context'
import { signInOf } from '../../plugins/auth'
import { getRemsForm, sessionPdf } from './documents'

/** A session's documents: the REMS monitoring form's fields and the printable PDFs. */
export function sessionDocumentRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const base = '/api/v1/clinics/:clinicId/sessions/:sessionId'
    const params = clinicParams.extend({ sessionId: z.uuid() })
    const tags = ['sessions']
    app.get(
      `${base}/rems`,
      {
        schema: {
          tags,
          summary: 'REMS Patient Monitoring Form fields filled from the chart (esketamine)',
          params,
          response: { 200: remsFormSchema },
        },
      },
      async (request) =>
        getRemsForm(ctx, signInOf(request).principal, request.params.clinicId, request.params.sessionId),
    )
    for (const kind of ['record', 'discharge-instructions', 'rems'] as const) {
      app.get(
        `${base}/${kind}.pdf`,
        { schema: { tags, summary: `The ${kind.replace('-', ' ')} as a printable PDF`, params } },
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
