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
import { clinic, routeTable } from '../../route-table'
import * as displays from './service'

function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer ([A-Za-z0-9_-]{20,100})$/.exec(header ?? '')
  return match?.[1]
}

export function boardDisplayRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return routeTable(ctx, ['board display'], ({ get, post, call }) => {
    const base = '/api/v1/clinics/:clinicId/board-displays'
    get(
      base,
      "The clinic's read-only board displays (never their tokens)",
      { params: clinicParams, 200: z.array(displaySchema) },
      call(clinic, displays.listDisplays),
    )
    post(
      base,
      'Create a read-only board display; its token is in this reply only',
      { params: clinicParams, body: createDisplayBody, 201: createdDisplaySchema },
      ({ principal, clinicId, body }) => displays.createDisplay(ctx, principal, clinicId, body.name),
    )
    post(
      `${base}/:displayId/revoke`,
      'Switch a board display off for good',
      { params: displayParams, body: z.object({}).optional(), 204: noContent },
      ({ principal, clinicId, displayId }) => displays.revokeDisplay(ctx, principal, clinicId, displayId),
    )
    get(
      '/api/v1/board-display',
      "A display's Today board: chair, first-name initial, phase and timers only (Authorization: Bearer <display token>)",
      { config: { auth: 'public', rateLimit: { max: 60, timeWindow: '1 minute' } }, 200: displayBoardSchema },
      ({ request }) => displays.readDisplayBoard(ctx, bearerToken(request.headers.authorization), request.ip),
    )
  })
}
