import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { clinicParams, paged } from '../../../contract/common'
import { outboxMessageSchema, outboxQuery } from '../../../contract/outbox'
import type { AppContext } from '../../context'
import { signInOf } from '../../plugins/auth'
import { listOutbox } from './service'

export function outboxRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/v1/clinics/:clinicId/outbox',
      {
        schema: {
          tags: ['outbox'],
          summary:
            'Outgoing messages (reminders): sent, held when no SMTP server is configured, queued for retry, or failed',
          params: clinicParams,
          querystring: outboxQuery,
          response: { 200: paged(outboxMessageSchema) },
        },
      },
      async (request) => listOutbox(ctx, signInOf(request).principal, request.params.clinicId, request.query),
    )
  }
}
