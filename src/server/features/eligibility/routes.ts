import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { patientParams } from '../../../contract/common'
import { decisionBody, decisionSchema, eligibilityReviewSchema } from '../../../contract/eligibility'
import type { AppContext } from '../../context'
import { signInOf } from '../../plugins/auth'
import * as eligibility from './service'

export function eligibilityRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const base = '/api/v1/clinics/:clinicId/patients/:patientId'
    app.get(
      `${base}/eligibility`,
      {
        schema: {
          tags: ['eligibility'],
          summary:
            'Everything the prescriber weighs: TRD result, contraindications, latest scores, open alerts, vitals, body measures and earlier decisions',
          params: patientParams,
          response: { 200: eligibilityReviewSchema },
        },
      },
      async (request) =>
        eligibility.getReview(
          ctx,
          signInOf(request).principal,
          request.params.clinicId,
          request.params.patientId,
        ),
    )

    app.post(
      `${base}/eligibility-decisions`,
      {
        schema: {
          tags: ['eligibility'],
          summary: 'Sign an eligibility decision (prescriber; re-enter password or TOTP code)',
          params: patientParams,
          body: decisionBody,
          response: { 201: decisionSchema },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await eligibility.signDecision(
              ctx,
              signInOf(request).principal,
              request.params.clinicId,
              request.params.patientId,
              request.body,
            ),
          ),
    )
  }
}
