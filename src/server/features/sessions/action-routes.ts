import { z } from 'zod'
import { clinicParams } from '../../../contract/common'
import { viewSchema } from '../../../contract/sessions'
import type { AppContext } from '../../context'
import type { RouteTable } from '../../route-table'
import { chairSideActions } from './actions'

export const sessionParams = clinicParams.extend({ sessionId: z.uuid() })
export const session = ['clinicId', 'sessionId'] as const

const headerKey = (headers: Record<string, unknown>) => {
  const value = headers['idempotency-key']
  return typeof value === 'string' ? value : undefined
}

/** `POST …/sessions/:sessionId/<path>` for every chair-side write of the table (actions/index.ts). */
export function registerActionRoutes(routes: RouteTable, ctx: AppContext): void {
  for (const action of chairSideActions) {
    routes.post(
      `/api/v1/clinics/:clinicId/sessions/:sessionId${action.path}`,
      `${action.summary} (send an Idempotency-Key header to make resends safe)`,
      { params: sessionParams, body: action.body, 200: action.reply ?? viewSchema },
      ({ principal, clinicId, sessionId, body, request }) =>
        action.execute(ctx, principal, clinicId, sessionId, body, headerKey(request.headers)),
    )
  }
}
