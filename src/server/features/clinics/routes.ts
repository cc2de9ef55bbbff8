import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { AppContext } from '../../context'
import { sessionOf } from '../../plugins/auth'
import { clinicParams } from '../../schemas'
import { getClinicSummary } from './service'

export function clinicRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/v1/clinics/:clinicId/summary',
      {
        schema: {
          tags: ['clinics'],
          summary: "The clinic's name, time zone and headline counts",
          params: clinicParams,
          response: {
            200: z.object({
              clinicName: z.string(),
              timeZone: z.string(),
              counts: z.object({ users: z.number(), auditEvents: z.number() }),
            }),
          },
        },
      },
      async (request) => getClinicSummary(ctx, sessionOf(request).principal, request.params.clinicId),
    )
  }
}
