import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { clinicParams } from '../../../contract/common'
import { worklistQuery, worklistSchema } from '../../../contract/worklist'
import type { AppContext } from '../../context'
import { clinic, routeTable } from '../../route-table'
import { getWorklist } from './service'

export function worklistRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return routeTable(ctx, ['clinics'], ({ get, call }) => {
    get(
      '/api/v1/clinics/:clinicId/worklist',
      "The caller's worklist in this clinic: what their role has to do, each with a link",
      { params: clinicParams, query: worklistQuery, 200: worklistSchema },
      call(clinic, getWorklist),
    )
  })
}
