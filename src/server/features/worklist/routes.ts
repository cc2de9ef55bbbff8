import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { clinicParams } from '../../../contract/common'
import { worklistQuery, worklistSchema } from '../../../contract/worklist'
import type { AppContext } from '../../context'
import { signInOf } from '../../plugins/auth'
import { getWorklist } from './service'

export function worklistRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/v1/clinics/:clinicId/worklist',
      {
        schema: {
          tags: ['clinics'],
          summary: "The caller's worklist in this clinic: what their role has to do, each with a link",
          params: clinicParams,
          querystring: worklistQuery,
          response: { 200: worklistSchema },
        },
      },
      async (request) =>
        getWorklist(ctx, signInOf(request).principal, request.params.clinicId, request.query),
    )
  }
}
