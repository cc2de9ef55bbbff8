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
import { signInOf } from '../../plugins/auth'
import * as referrals from './service'

export function referralRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/v1/public/clinics',
      {
        config: { auth: 'public' },
        schema: {
          tags: ['public'],
          summary:
            "Clinics a self-check can be sent to (id, name and the clinic's phone for patients; no sign-in)",
          response: { 200: publicClinicsSchema },
        },
      },
      async () => ({ items: await referrals.listPublicClinics(ctx) }),
    )

    app.post(
      '/api/v1/public/referrals',
      {
        // A person sends a self-check a few times at most; this stops a script filling the queue.
        config: { auth: 'public', rateLimit: { max: ctx.config.referralRatePerHour, timeWindow: '1 hour' } },
        schema: {
          tags: ['public'],
          summary: "Send a self-check to a clinic's intake queue (no sign-in; consent to contact required)",
          body: referralBody,
          response: { 201: referralReceivedSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await referrals.submitReferral(ctx, request.body, request.ip)),
    )

    app.get(
      '/api/v1/clinics/:clinicId/referrals',
      {
        schema: {
          tags: ['referrals'],
          summary: "The clinic's intake queue: referrals from the public self-check, newest first",
          params: clinicParams,
          querystring: referralListQuery,
          response: { 200: paged(referralSchema) },
        },
      },
      async (request) =>
        referrals.listReferrals(ctx, signInOf(request).principal, request.params.clinicId, request.query),
    )

    app.patch(
      '/api/v1/clinics/:clinicId/referrals/:referralId',
      {
        schema: {
          tags: ['referrals'],
          summary: "Change a referral's status (optimistic concurrency: send the version you loaded)",
          params: referralParams,
          body: referralStatusBody,
          response: { 200: referralSchema },
        },
      },
      async (request) =>
        referrals.changeReferralStatus(
          ctx,
          signInOf(request).principal,
          request.params.clinicId,
          request.params.referralId,
          request.body,
        ),
    )
  }
}
