import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import {
  acknowledgeAlertBody,
  assessmentsSchema,
  baselineVitalsBody,
  recordedResponseSchema,
  responseBody,
  safetyAlertSchema,
  vitalsSchema,
} from '../../../contract/assessments'
import { entryParams, patientParams } from '../../../contract/common'
import type { AppContext } from '../../context'
import { enteredInErrorRoute, patient, routeTable } from '../../route-table'
import * as assessments from './service'

const base = '/api/v1/clinics/:clinicId/patients/:patientId'

export function assessmentRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return routeTable(ctx, ['assessments'], (routes) => {
    const { get, post, call } = routes
    get(
      `${base}/assessments`,
      'Instrument responses, safety alerts and vital signs, newest first',
      { params: patientParams, 200: assessmentsSchema },
      call(patient, assessments.listAssessments),
    )
    // Scored instruments and the safety alerts they raise.
    post(
      `${base}/responses`,
      'Record and score an instrument (PHQ-9, GAD-7, MADRS, C-SSRS, …); warning and urgent flags (suicidal-ideation items, C-SSRS moderate/high) raise safety alerts',
      { params: patientParams, body: responseBody, 201: recordedResponseSchema },
      call(patient, assessments.recordResponse),
    )
    enteredInErrorRoute(
      routes,
      ctx,
      `${base}/responses`,
      'an instrument response',
      assessments.markResponseInError,
    )
    post(
      `${base}/alerts/:entryId/acknowledge`,
      'Acknowledge a safety alert with what was done',
      { params: entryParams, body: acknowledgeAlertBody, 200: safetyAlertSchema },
      ({ principal, clinicId, patientId, entryId, body }) =>
        assessments.acknowledgeAlert(ctx, principal, clinicId, patientId, entryId, body.note),
    )
    // Baseline vital signs and their corrections.
    post(
      `${base}/vitals`,
      'Record vital signs (baseline at intake)',
      { params: patientParams, body: baselineVitalsBody, 201: vitalsSchema },
      call(patient, assessments.recordVitals),
    )
    enteredInErrorRoute(routes, ctx, `${base}/vitals`, 'vital signs', assessments.markVitalsInError)
  })
}
