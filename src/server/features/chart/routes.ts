import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { chartSchema } from '../../../contract/chart'
import { patientParams } from '../../../contract/common'
import type { AppContext } from '../../context'
import { signInOf } from '../../plugins/auth'
import { getChart } from './service'

export function chartRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/v1/clinics/:clinicId/patients/:patientId/chart',
      {
        schema: {
          tags: ['chart'],
          summary:
            "The patient's stage and the checklist of what is done and missing before the first session",
          params: patientParams,
          response: { 200: chartSchema },
        },
      },
      async (request) =>
        getChart(ctx, signInOf(request).principal, request.params.clinicId, request.params.patientId),
    )
  }
}
