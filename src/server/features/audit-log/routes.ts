import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { clinicParams, instant, paged, pageQuery } from '../../../contract/common'
import type { AppContext } from '../../context'
import { signInOf } from '../../plugins/auth'
import { listAuditEvents } from './service'

const eventSchema = z.object({
  id: z.string(),
  at: z.date(),
  actorEmail: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  outcome: z.enum(['success', 'denied', 'failure']),
  ip: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()).nullable(),
})

export function auditLogRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/v1/clinics/:clinicId/audit-events',
      {
        schema: {
          tags: ['audit'],
          summary: "A clinic's audit trail, newest first",
          params: clinicParams,
          querystring: pageQuery.extend({
            pageSize: z.coerce.number().int().min(1).max(200).default(50),
            actor: z.string().trim().max(320).optional(),
            action: z.string().trim().max(100).optional(),
            entity: z.string().trim().max(100).optional(),
            from: instant.optional(),
            to: instant.optional(),
          }),
          response: { 200: paged(eventSchema) },
        },
      },
      async (request) =>
        listAuditEvents(ctx, signInOf(request).principal, request.params.clinicId, request.query),
    )
  }
}
