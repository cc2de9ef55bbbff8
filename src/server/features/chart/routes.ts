import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
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
          response: {
            200: z.object({
              patient: z.unknown().describe('as GET …/patients/:patientId'),
              stage: z.enum([
                'intake',
                'awaiting-decision',
                'declined',
                'deferred',
                'eligible',
                'ready-for-treatment',
              ]),
              checklist: z.array(
                z.object({ id: z.string(), label: z.string(), isDone: z.boolean(), detail: z.string() }),
              ),
              openAlerts: z.array(z.unknown()),
              decision: z.unknown(),
              consent: z.unknown(),
              plan: z.unknown(),
              body: z.object({
                weightKg: z.number().nullable(),
                heightCm: z.number().nullable(),
                bmi: z.number().nullable(),
              }),
            }),
          },
        },
      },
      async (request) =>
        getChart(ctx, signInOf(request).principal, request.params.clinicId, request.params.patientId),
    )
  }
}
