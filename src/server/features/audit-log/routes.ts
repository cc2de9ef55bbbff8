import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { auditEventSchema, auditQuery } from '../../../contract/audit-log'
import { clinicParams, paged } from '../../../contract/common'
import type { AppContext } from '../../context'
import { clinic, routeTable } from '../../route-table'
import { listAuditEvents } from './service'

export function auditLogRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return routeTable(ctx, ['audit'], ({ get, call }) => {
    get(
      '/api/v1/clinics/:clinicId/audit-events',
      "A clinic's audit trail, newest first",
      { params: clinicParams, query: auditQuery, 200: paged(auditEventSchema) },
      call(clinic, listAuditEvents),
    )
  })
}
