import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { clinicParams } from '../../../contract/common'
import {
  dashboardQuery,
  flaggedPatientsQuery,
  flaggedPatientsSchema,
  outcomeDashboardSchema,
} from '../../../contract/outcomes'
import type { AppContext } from '../../context'
import { signInOf } from '../../plugins/auth'
import { getDashboard, listFlaggedPatients } from './service'

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
          querystring: dashboardQuery,
          response: { 200: outcomeDashboardSchema },
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
          querystring: flaggedPatientsQuery,
          response: { 200: flaggedPatientsSchema },
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
