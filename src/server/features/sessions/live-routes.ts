import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { clinicParams } from '../../../contract/common'
import { boardQuery } from '../../../contract/sessions'
import type { AppContext } from '../../context'
import { AppError } from '../../errors'
import { streamLiveView } from '../../live/event-stream'
import { getBoard } from './board'
import * as schedule from './schedule'

/**
 * Server-sent events for the two screens that must agree within a second across every server
 * process: the day's board and the chair-side view (issue 13). Fed by PostgreSQL LISTEN/NOTIFY
 * (src/server/live); the opening of a stream is an audited read, its refreshes are not.
 */
export function sessionLiveRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const hubOf = () => {
      if (!ctx.live) throw new AppError('not-ready', 'Live updates are not running on this server.')
      return ctx.live
    }
    app.get(
      '/api/v1/clinics/:clinicId/board/live',
      {
        schema: {
          tags: ['sessions'],
          summary:
            "The day's board as server-sent events: `board` at once and after every change in the clinic",
          params: clinicParams,
          querystring: boardQuery,
        },
      },
      (request, reply) =>
        streamLiveView(ctx, hubOf(), request, reply, {
          clinicId: request.params.clinicId,
          event: 'board',
          isRelevant: () => true,
          load: (principal, isRefresh) =>
            getBoard(ctx, principal, request.params.clinicId, request.query.date, { isRefresh }),
        }),
    )
    app.get(
      '/api/v1/clinics/:clinicId/sessions/:sessionId/live',
      {
        schema: {
          tags: ['sessions'],
          summary:
            'The chair-side view as server-sent events: `session` at once and after every change to it',
          params: clinicParams.extend({ sessionId: z.uuid() }),
        },
      },
      (request, reply) =>
        streamLiveView(ctx, hubOf(), request, reply, {
          clinicId: request.params.clinicId,
          event: 'session',
          // A clinic-wide change (a safety alert) may show on the view too.
          isRelevant: (change) => change.sessionId === null || change.sessionId === request.params.sessionId,
          load: (principal, isRefresh) =>
            schedule.getSession(ctx, principal, request.params.clinicId, request.params.sessionId, {
              isRefresh,
            }),
        }),
    )
  }
}
