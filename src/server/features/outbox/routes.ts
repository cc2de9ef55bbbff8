import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { clinicParams, paged, pageQuery } from '../../../contract/common'
import type { AppContext } from '../../context'
import { signInOf } from '../../plugins/auth'
import { listOutbox } from './service'

const status = z.enum(['queued', 'sending', 'sent', 'held', 'failed'])

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
          querystring: pageQuery.extend({ status: status.optional() }),
          response: {
            200: paged(
              z.object({
                id: z.string(),
                kind: z.string(),
                recipient: z.string(),
                subject: z.string(),
                body: z.string(),
                status,
                attempts: z.number(),
                nextAttemptAt: z.date(),
                lastError: z.string().nullable(),
                createdAt: z.date(),
                sentAt: z.date().nullable(),
              }),
            ),
          },
        },
      },
      async (request) => listOutbox(ctx, signInOf(request).principal, request.params.clinicId, request.query),
    )
  }
}
