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
import { entryParams, errorReasonBody, noContent, patientParams } from '../../../contract/common'
import type { AppContext } from '../../context'
import { signInOf } from '../../plugins/auth'
import * as assessments from './service'

const base = '/api/v1/clinics/:clinicId/patients/:patientId'

export function assessmentRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      `${base}/assessments`,
      {
        schema: {
          tags: ['assessments'],
          summary: 'Instrument responses, safety alerts and vital signs, newest first',
          params: patientParams,
          response: { 200: assessmentsSchema },
        },
      },
      async (request) =>
        assessments.listAssessments(
          ctx,
          signInOf(request).principal,
          request.params.clinicId,
          request.params.patientId,
        ),
    )
    await app.register(responseRoutes(ctx))
    await app.register(vitalsRoutes(ctx))
  }
}

/** Scored instruments and the safety alerts they raise. */
function responseRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      `${base}/responses`,
      {
        schema: {
          tags: ['assessments'],
          summary:
            'Record and score an instrument (PHQ-9, GAD-7, MADRS, C-SSRS, …); warning and urgent flags (suicidal-ideation items, C-SSRS moderate/high) raise safety alerts',
          params: patientParams,
          body: responseBody,
          response: { 201: recordedResponseSchema },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await assessments.recordResponse(
              ctx,
              signInOf(request).principal,
              request.params.clinicId,
              request.params.patientId,
              request.body,
            ),
          ),
    )

    app.post(
      `${base}/responses/:entryId/entered-in-error`,
      {
        schema: {
          tags: ['assessments'],
          summary: 'Mark an instrument response entered in error',
          params: entryParams,
          body: errorReasonBody,
          response: { 204: noContent },
        },
      },
      async (request, reply) => {
        await assessments.markResponseInError(
          ctx,
          signInOf(request).principal,
          request.params.clinicId,
          request.params.patientId,
          request.params.entryId,
          request.body.reason,
        )
        return reply.status(204).send()
      },
    )

    app.post(
      `${base}/alerts/:entryId/acknowledge`,
      {
        schema: {
          tags: ['assessments'],
          summary: 'Acknowledge a safety alert with what was done',
          params: entryParams,
          body: acknowledgeAlertBody,
          response: { 200: safetyAlertSchema },
        },
      },
      async (request) =>
        assessments.acknowledgeAlert(
          ctx,
          signInOf(request).principal,
          request.params.clinicId,
          request.params.patientId,
          request.params.entryId,
          request.body.note,
        ),
    )
  }
}

/** Baseline vital signs and their corrections. */
function vitalsRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      `${base}/vitals`,
      {
        schema: {
          tags: ['assessments'],
          summary: 'Record vital signs (baseline at intake)',
          params: patientParams,
          body: baselineVitalsBody,
          response: { 201: vitalsSchema },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await assessments.recordVitals(
              ctx,
              signInOf(request).principal,
              request.params.clinicId,
              request.params.patientId,
              request.body,
            ),
          ),
    )

    app.post(
      `${base}/vitals/:entryId/entered-in-error`,
      {
        schema: {
          tags: ['assessments'],
          summary: 'Mark vital signs entered in error',
          params: entryParams,
          body: errorReasonBody,
          response: { 204: noContent },
        },
      },
      async (request, reply) => {
        await assessments.markVitalsInError(
          ctx,
          signInOf(request).principal,
          request.params.clinicId,
          request.params.patientId,
          request.params.entryId,
          request.body.reason,
        )
        return reply.status(204).send()
      },
    )
  }
}
