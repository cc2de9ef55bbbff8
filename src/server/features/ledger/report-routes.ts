import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { clinicParams } from '../../../contract/common'
import { reportParams, reportQuery, verifyVerdictSchema } from '../../../contract/ledger'
import { contentDisposition } from '../../content-disposition'
import type { AppContext } from '../../context'
import { signInOf } from '../../plugins/auth'
import { reportCsv, toPdf } from './report-render'
import { buildReport } from './reports'
import { verifyClinicLedger } from './verify-chains'

export function reportRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/v1/clinics/:clinicId/ledger/reports/:kind',
      {
        schema: {
          tags: ['ledger'],
          summary:
            'Inventory (initial, biennial or on demand; opening or close of business), administration, waste or discrepancy log as CSV or PDF',
          params: reportParams,
          querystring: reportQuery,
        },
      },
      async (request, reply) => {
        const { format, ...options } = request.query
        const table = await buildReport(ctx, signInOf(request).principal, request.params.clinicId, {
          kind: request.params.kind,
          ...options,
        })
        const disposition = (ext: string) => contentDisposition('attachment', `${table.filename}.${ext}`)
        if (format === 'csv')
          return reply
            .type('text/csv; charset=utf-8')
            .header('content-disposition', disposition('csv'))
            .send(reportCsv(table))
        return reply
          .type('application/pdf')
          .header('content-disposition', disposition('pdf'))
          .send(await toPdf(table))
      },
    )

    app.get(
      '/api/v1/clinics/:clinicId/ledger/verify',
      {
        schema: {
          tags: ['ledger'],
          summary: "Recompute this clinic's ledger chain and balances; names the first broken entry",
          params: clinicParams,
          response: { 200: verifyVerdictSchema },
        },
      },
      async (request) => verifyClinicLedger(ctx, signInOf(request).principal, request.params.clinicId),
    )
  }
}
