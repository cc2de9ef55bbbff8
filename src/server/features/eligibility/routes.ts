import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { patientParams } from '../../../contract/common'
import { decisionBody, decisionSchema, eligibilityReviewSchema } from '../../../contract/eligibility'
import type { AppContext } from '../../context'
import { patient, routeTable } from '../../route-table'
import * as eligibility from './service'

export function eligibilityRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return routeTable(ctx, ['eligibility'], ({ get, post, call }) => {
    const base = '/api/v1/clinics/:clinicId/patients/:patientId'
    get(
      `${base}/eligibility`,
      'Everything the prescriber weighs: TRD result, contraindications, latest scores, open alerts, vitals, body measures and earlier decisions',
      { params: patientParams, 200: eligibilityReviewSchema },
      call(patient, eligibility.getReview),
    )
    post(
      `${base}/eligibility-decisions`,
      'Sign an eligibility decision (prescriber; re-enter password or TOTP code)',
      { params: patientParams, body: decisionBody, 201: decisionSchema },
      call(patient, eligibility.signDecision),
    )
  })
}
