import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { auditEventSchema, auditQuery } from '../../../contract/audit-log'
import { clinicParams, paged } from '../../../contract/common'
import type { AppContext } from '../../context'
import { signInOf } from '../../plugins/auth'
import { listAuditEvents } from './service'

export function auditLogRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/v1/clinics/:clinicId/audit-events',
      {
        schema: {
          tags: ['audit'],
          summary: "A clinic's audit trail, newest first",
          params: clinicParams,
          querystring: auditQuery,
          response: { 200: paged(auditEventSchema) },
        },
      },
      async (request) =>
        listAuditEvents(ctx, signInOf(request).principal, request.params.clinicId, request.query),
    )
  }
}
