import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { chartSchema } from '../../../contract/chart'
import { patientParams } from '../../../contract/common'
import type { AppContext } from '../../context'
import { patient, routeTable } from '../../route-table'
import { getChart } from './service'

export function chartRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return routeTable(ctx, ['chart'], ({ get, call }) => {
    get(
      '/api/v1/clinics/:clinicId/patients/:patientId/chart',
      "The patient's stage and the checklist of what is done and missing before the first session",
      { params: patientParams, 200: chartSchema },
      call(patient, getChart),
    )
  })
}
