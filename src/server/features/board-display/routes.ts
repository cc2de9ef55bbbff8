import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { clinicParams } from '../../../contract/common'
import { sessionStates } from '../../../domain/session'
import type { AppContext } from '../../context'
import { signInOf } from '../../plugins/auth'
import * as displays from './service'

const displaySchema = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: z.date(),
  createdBy: z.string(),
  lastUsedAt: z.date().nullable(),
  revokedAt: z.date().nullable(),
})

/** The display's reply, and the whole of it: the schema drops any field not listed here. */
export const displayBoardSchema = z.object({
  clinicName: z.string(),
  displayName: z.string(),
  date: z.string(),
  timeZone: z.string(),
  generatedAt: z.date(),
  sessions: z.array(
    z.object({
      chair: z.string().nullable(),
      initial: z.string(),
      phase: z.enum(sessionStates),
      scheduledAt: z.date(),
      doseStartedAt: z.date().nullable(),
      nextVitalsDueAt: z.date().nullable(),
      dischargeReadyAt: z.date().nullable(),
    }),
  ),
})

function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer ([A-Za-z0-9_-]{20,100})$/.exec(header ?? '')
  return match?.[1]
}

export function boardDisplayRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/v1/clinics/:clinicId/board-displays',
      {
        schema: {
          tags: ['board display'],
          summary: "The clinic's read-only board displays (never their tokens)",
          params: clinicParams,
          response: { 200: z.array(displaySchema) },
        },
      },
      async (request) => displays.listDisplays(ctx, signInOf(request).principal, request.params.clinicId),
    )

    app.post(
      '/api/v1/clinics/:clinicId/board-displays',
      {
        schema: {
          tags: ['board display'],
          summary: 'Create a read-only board display; its token is in this reply only',
          params: clinicParams,
          body: z.object({ name: z.string().trim().min(1, 'give the display a name').max(80) }),
          response: { 201: z.object({ id: z.string(), name: z.string(), token: z.string() }) },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await displays.createDisplay(
              ctx,
              signInOf(request).principal,
              request.params.clinicId,
              request.body.name,
            ),
          ),
    )

    app.post(
      '/api/v1/clinics/:clinicId/board-displays/:displayId/revoke',
      {
        schema: {
          tags: ['board display'],
          summary: 'Switch a board display off for good',
          params: clinicParams.extend({ displayId: z.uuid() }),
          body: z.object({}).optional(),
        },
      },
      async (request, reply) => {
        await displays.revokeDisplay(
          ctx,
          signInOf(request).principal,
          request.params.clinicId,
          request.params.displayId,
        )
        return reply.status(204).send()
      },
    )

    app.get(
      '/api/v1/board-display',
      {
        config: { auth: 'public', rateLimit: { max: 60, timeWindow: '1 minute' } },
        schema: {
          tags: ['board display'],
          summary:
            "A display's Today board: chair, first-name initial, phase and timers only (Authorization: Bearer <display token>)",
          response: { 200: displayBoardSchema },
        },
      },
      async (request) =>
        displays.readDisplayBoard(ctx, bearerToken(request.headers.authorization), request.ip),
    )
  }
}
