import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { clinicParams } from '../../../contract/common'
import {
  dashboardQuery,
  flaggedPatientsQuery,
  flaggedPatientsSchema,
  outcomeDashboardSchema,
} from '../../../contract/outcomes'
import type { AppContext } from '../../context'
import { routeTable } from '../../route-table'
import { getDashboard, listFlaggedPatients } from './service'

export function outcomeRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return routeTable(ctx, ['outcomes'], ({ get }) => {
    get(
      '/api/v1/clinics/:clinicId/outcomes',
      'Outcome dashboard: response/remission at 24 h, 1 week and course end (95 % CI) beside the literature, time to relapse, side effects per 100 sessions, BP excursions, no-response flags, chair use',
      { params: clinicParams, query: dashboardQuery, 200: outcomeDashboardSchema },
      ({ principal, clinicId, query: { clinics, ...filter } }) =>
        getDashboard(ctx, principal, { clinicId, allClinics: clinics === 'all', ...filter }),
    )
    get(
      '/api/v1/clinics/:clinicId/outcomes/patients',
      "The patients behind one of this clinic's outcome counts (same filter as the dashboard); needs chart access, audited",
      { params: clinicParams, query: flaggedPatientsQuery, 200: flaggedPatientsSchema },
      ({ principal, clinicId, query }) => listFlaggedPatients(ctx, principal, { clinicId, ...query }),
    )
  })
}
