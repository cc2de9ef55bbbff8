import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { clinicParams } from '../../../contract/common'
import { viewSchema } from '../../../contract/sessions'
import type { AppContext } from '../../context'
import { signInOf } from '../../plugins/auth'
import { chairSideActions } from './actions'

export const sessionParams = clinicParams.extend({ sessionId: z.uuid() })

const headerKey = (headers: Record<string, unknown>) => {
  const value = headers['idempotency-key']
  return typeof value === 'string' ? value : undefined
}

/** `POST …/sessions/:sessionId/<path>` for every chair-side write of the table (actions/index.ts). */
export function registerActionRoutes(
  app: Parameters<FastifyPluginAsyncZod>[0],
  ctx: AppContext,
  tags: string[],
): void {
  for (const action of chairSideActions) {
    app.post(
      `/api/v1/clinics/:clinicId/sessions/:sessionId${action.path}`,
      {
        schema: {
          tags,
          summary: `${action.summary} (send an Idempotency-Key header to make resends safe)`,
          params: sessionParams,
          body: action.body,
          response: { 200: action.reply ?? viewSchema },
        },
      },
      async (request) =>
        action.execute(
          ctx,
          signInOf(request).principal,
          request.params.clinicId,
          request.params.sessionId,
          request.body,
          headerKey(request.headers),
        ),
    )
  }
}
