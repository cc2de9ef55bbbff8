import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { clinicParams, paged } from '../../../contract/common'
import { outboxMessageSchema, outboxQuery } from '../../../contract/outbox'
import type { AppContext } from '../../context'
import { clinic, routeTable } from '../../route-table'
import { listOutbox } from './service'

export function outboxRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return routeTable(ctx, ['outbox'], ({ get, call }) => {
    get(
      '/api/v1/clinics/:clinicId/outbox',
      'Outgoing messages (reminders): sent, held when no SMTP server is configured, queued for retry, or failed',
      { params: clinicParams, query: outboxQuery, 200: paged(outboxMessageSchema) },
      call(clinic, listOutbox),
    )
  })
}
