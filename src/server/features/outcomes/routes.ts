import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { clinicParams, instant } from '../../../contract/common'
import type { AppContext } from '../../context'
import { signInOf } from '../../plugins/auth'
import { outcomeFlags } from './queries'
import { getDashboard, listFlaggedPatients } from './service'

const cohortQuery = z.object({
  route: z.enum(['iv', 'intranasal']).optional(),
  protocol: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'a protocol id: 2–63 lowercase letters, digits and dashes')
    .optional()
    .describe('the protocol of the plan the first dose was given under, e.g. esketamine-trd'),
  from: instant.optional(),
  to: instant.optional(),
  ageBand: z.enum(['under-30', '30-49', '50-64', '65-plus']).optional(),
  severity: z.enum(['moderate', 'moderately-severe', 'severe']).optional(),
})

export function outcomeRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/v1/clinics/:clinicId/outcomes',
      {
        schema: {
          tags: ['outcomes'],
          summary:
            'Outcome dashboard: response/remission at 24 h, 1 week and course end (95 % CI) beside the literature, time to relapse, side effects per 100 sessions, BP excursions, no-response flags, chair use',
          params: clinicParams,
          querystring: cohortQuery.extend({
            clinics: z
              .enum(['this', 'all'])
              .default('this')
              .describe(
                'all: every clinic where you may read reports, added up (each audited in its clinic)',
              ),
          }),
        },
      },
      async (request) => {
        const { clinics, ...filter } = request.query
        return getDashboard(ctx, signInOf(request).principal, {
          clinicId: request.params.clinicId,
          allClinics: clinics === 'all',
          ...filter,
        })
      },
    )

    app.get(
      '/api/v1/clinics/:clinicId/outcomes/patients',
      {
        schema: {
          tags: ['outcomes'],
          summary:
            "The patients behind one of this clinic's outcome counts (same filter as the dashboard); needs chart access, audited",
          params: clinicParams,
          querystring: cohortQuery.extend({ flag: z.enum(outcomeFlags) }),
          response: {
            200: z.object({
              flag: z.enum(outcomeFlags),
              patients: z.array(
                z.object({
                  id: z.string(),
                  name: z.string(),
                  mrn: z.string(),
                  route: z.enum(['iv', 'intranasal']).nullable(),
                  firstDose: z.date().nullable(),
                }),
              ),
            }),
          },
        },
      },
      async (request) =>
        listFlaggedPatients(ctx, signInOf(request).principal, {
          clinicId: request.params.clinicId,
          ...request.query,
        }),
    )
  }
}
