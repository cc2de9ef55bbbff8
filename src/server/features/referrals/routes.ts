import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { clinicParams, paged } from '../../../contract/common'
import { publicClinicsSchema, referralReceivedSchema } from '../../../contract/public'
import {
  referralBody,
  referralListQuery,
  referralParams,
  referralSchema,
  referralStatusBody,
} from '../../../contract/referrals'
import type { AppContext } from '../../context'
import { clinic, routeTable } from '../../route-table'
import * as referrals from './service'

export function referralRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(publicRoutes(ctx))
    await app.register(queueRoutes(ctx))
  }
}

/** The public self-check: where it may be sent, and sending it. */
function publicRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return routeTable(ctx, ['public'], ({ get, post }) => {
    get(
      '/api/v1/public/clinics',
      "Clinics a self-check can be sent to (id, name and the clinic's phone for patients; no sign-in)",
      { config: { auth: 'public' }, 200: publicClinicsSchema },
      async () => ({ items: await referrals.listPublicClinics(ctx) }),
    )
    post(
      '/api/v1/public/referrals',
      "Send a self-check to a clinic's intake queue (no sign-in; consent to contact required)",
      {
        // A person sends a self-check a few times at most; this stops a script filling the queue.
        config: { auth: 'public', rateLimit: { max: ctx.config.referralRatePerHour, timeWindow: '1 hour' } },
        body: referralBody,
        201: referralReceivedSchema,
      },
      ({ body, request }) => referrals.submitReferral(ctx, body, request.ip),
    )
  })
}

/** The clinic's intake queue. */
function queueRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return routeTable(ctx, ['referrals'], ({ get, patch, call }) => {
    get(
      '/api/v1/clinics/:clinicId/referrals',
      "The clinic's intake queue: referrals from the public self-check, newest first",
      { params: clinicParams, query: referralListQuery, 200: paged(referralSchema) },
      call(clinic, referrals.listReferrals),
    )
    patch(
      '/api/v1/clinics/:clinicId/referrals/:referralId',
      "Change a referral's status (optimistic concurrency: send the version you loaded)",
      { params: referralParams, body: referralStatusBody, 200: referralSchema },
      call(['clinicId', 'referralId'], referrals.changeReferralStatus),
    )
  })
}
