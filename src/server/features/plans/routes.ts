import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { patientParams } from '../../../contract/common'
import { approvePlanBody, createPlanBody, planParams, planSchema } from '../../../contract/plans'
import type { AppContext } from '../../context'
import { patient, routeTable } from '../../route-table'
import * as plans from './service'

export function planRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return routeTable(ctx, ['plans'], ({ get, post, call }) => {
    const base = '/api/v1/clinics/:clinicId/patients/:patientId/plans'
    get(
      base,
      "A patient's treatment plans, newest first",
      { params: patientParams, 200: z.array(planSchema) },
      call(patient, plans.listPlans),
    )
    post(
      base,
      'Draft a treatment plan from a protocol (prescriber); protocol defaults fill what is left out',
      { params: patientParams, body: createPlanBody, 201: z.array(planSchema) },
      call(patient, plans.createPlan),
    )
    post(
      `${base}/:planId/approve`,
      'Approve a draft plan with a signature (needs an approved eligibility decision and a current consent)',
      { params: planParams, body: approvePlanBody, 200: z.array(planSchema) },
      call([...patient, 'planId'], plans.approvePlan),
    )
  })
}
