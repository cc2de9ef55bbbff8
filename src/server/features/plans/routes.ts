import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { patientParams } from '../../../contract/common'
import { approvePlanBody, createPlanBody, planParams, planSchema } from '../../../contract/plans'
import type { AppContext } from '../../context'
import { signInOf } from '../../plugins/auth'
import * as plans from './service'

export function planRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const base = '/api/v1/clinics/:clinicId/patients/:patientId/plans'
    app.get(
      base,
      {
        schema: {
          tags: ['plans'],
          summary: "A patient's treatment plans, newest first",
          params: patientParams,
          response: { 200: z.array(planSchema) },
        },
      },
      async (request) =>
        plans.listPlans(ctx, signInOf(request).principal, request.params.clinicId, request.params.patientId),
    )

    app.post(
      base,
      {
        schema: {
          tags: ['plans'],
          summary:
            'Draft a treatment plan from a protocol (prescriber); protocol defaults fill what is left out',
          params: patientParams,
          body: createPlanBody,
          response: { 201: z.array(planSchema) },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await plans.createPlan(
              ctx,
              signInOf(request).principal,
              request.params.clinicId,
              request.params.patientId,
              request.body,
            ),
          ),
    )

    app.post(
      `${base}/:planId/approve`,
      {
        schema: {
          tags: ['plans'],
          summary:
            'Approve a draft plan with a signature (needs an approved eligibility decision and a current consent)',
          params: planParams,
          body: approvePlanBody,
          response: { 200: z.array(planSchema) },
        },
      },
      async (request) =>
        plans.approvePlan(
          ctx,
          signInOf(request).principal,
          request.params.clinicId,
          request.params.patientId,
          request.params.planId,
          request.body,
        ),
    )
  }
}
