import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import {
  createDisplayBody,
  createdDisplaySchema,
  displayBoardSchema,
  displayParams,
  displaySchema,
} from '../../../contract/board-display'
import { clinicParams, noContent } from '../../../contract/common'
import type { AppContext } from '../../context'
import { signInOf } from '../../plugins/auth'
import * as displays from './service'

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
          body: createDisplayBody,
          response: { 201: createdDisplaySchema },
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
          params: displayParams,
          body: z.object({}).optional(),
          response: { 204: noContent },
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
