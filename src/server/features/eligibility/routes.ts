import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { patientParams, signerProof } from '../../../contract/common'
import type { AppContext } from '../../context'
import { signInOf } from '../../plugins/auth'
import * as eligibility from './service'

export const decisionSchema = z.object({
  id: z.string(),
  decision: z.enum(['approve', 'decline', 'defer']),
  reason: z.string(),
  overrideReason: z.string().nullable(),
  meaning: z.string(),
  contentHash: z.string(),
  signedBy: z.string(),
  signerName: z.string(),
  signedAt: z.date(),
  acknowledgedCautions: z.array(z.string()),
})

// Proof of identity at the moment of signing, shared with the plans and sessions routes.
export { signerProof }

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
          response: {
            200: z.object({
              patient: z.object({
                id: z.string(),
                mrn: z.string(),
                name: z.string(),
                dateOfBirth: z.string(),
                sex: z.string(),
              }),
              history: z.unknown().describe('as GET …/history'),
              latestScores: z.record(z.string(), z.unknown()),
              openAlerts: z.array(z.unknown()),
              latestVitals: z.unknown(),
              body: z.object({
                weightKg: z.number().nullable(),
                heightCm: z.number().nullable(),
                bmi: z.number().nullable(),
              }),
              decisions: z.array(decisionSchema),
            }),
          },
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
          body: z.object({
            decision: z.enum(['approve', 'decline', 'defer']),
            reason: z.string().trim().min(3, 'give the reason (at least 3 characters)').max(4000),
            overrideReason: z.string().trim().max(4000).nullish(),
            cautionsAcknowledged: z
              .boolean()
              .optional()
              .describe('Approval: the prescriber acknowledges the §3 pre-dose cautions on the screen'),
            ...signerProof,
          }),
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
