import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { clinicParams } from '../../../contract/common'
import type { AppContext } from '../../context'
import { signInOf } from '../../plugins/auth'
import { getWorklist, sectionIds } from './service'

const itemSchema = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  subject: z.string().nullable(),
  detail: z.string().nullable(),
  at: z.date().nullable(),
  urgency: z.enum(['urgent', 'soon', 'routine', 'ok']),
  link: z.string().describe("Where the item is done, relative to the clinic's pages"),
  patientId: z.string().nullable(),
})

export function worklistRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/v1/clinics/:clinicId/worklist',
      {
        schema: {
          tags: ['clinics'],
          summary: "The caller's worklist in this clinic: what their role has to do, each with a link",
          params: clinicParams,
          querystring: z.object({
            section: z
              .enum(sectionIds)
              .optional()
              .describe('Only this section (the board asks for "safety")'),
          }),
          response: {
            200: z.object({
              role: z.string(),
              date: z.string(),
              timeZone: z.string(),
              generatedAt: z.date(),
              sections: z.array(
                z.object({
                  id: z.string(),
                  title: z.string(),
                  emptyText: z.string(),
                  items: z.array(itemSchema),
                  total: z.number(),
                }),
              ),
            }),
          },
        },
      },
      async (request) =>
        getWorklist(ctx, signInOf(request).principal, request.params.clinicId, request.query),
    )
  }
}
