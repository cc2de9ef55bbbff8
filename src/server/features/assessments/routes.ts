import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { alertSchema, responseSchema, vitalSchema, vitalSignField } from '../../../contract/assessments'
import { errorReasonBody, instant, patientParams } from '../../../contract/common'
import type { AppContext } from '../../context'
import { signInOf } from '../../plugins/auth'
import * as assessments from './service'

const entryParams = patientParams.extend({ entryId: z.uuid() })

export function assessmentRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const base = '/api/v1/clinics/:clinicId/patients/:patientId'
    app.get(
      `${base}/assessments`,
      {
        schema: {
          tags: ['assessments'],
          summary: 'Instrument responses, safety alerts and vital signs, newest first',
          params: patientParams,
          response: {
            200: z.object({
              responses: z.array(responseSchema),
              alerts: z.array(alertSchema),
              vitals: z.array(vitalSchema),
            }),
          },
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

    app.post(
      `${base}/responses`,
      {
        schema: {
          tags: ['assessments'],
          summary:
            'Record and score an instrument (PHQ-9, GAD-7, MADRS, C-SSRS, …); warning and urgent flags (suicidal-ideation items, C-SSRS moderate/high) raise safety alerts',
          params: patientParams,
          body: z.object({
            instrumentId: z.string().min(1).max(40),
            answers: z.record(z.string(), z.union([z.number(), z.boolean(), z.null()])),
            context: z.enum(['intake', 'pre', 'post', 'between', 'follow-up']).default('intake'),
            administeredAt: instant.optional(),
          }),
          response: { 201: z.object({ response: responseSchema, alerts: z.array(alertSchema) }) },
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
          body: z.object({
            note: z.string().trim().min(3, 'say what was done (at least 3 characters)').max(2000),
          }),
          response: { 200: alertSchema },
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

    app.post(
      `${base}/vitals`,
      {
        schema: {
          tags: ['assessments'],
          summary: 'Record vital signs (baseline at intake)',
          params: patientParams,
          body: z.object({
            context: z.enum(['intake', 'pre', 'intra', 'post']).default('intake'),
            measuredAt: instant.optional(),
            systolicMmHg: vitalSignField('systolicMmHg'),
            diastolicMmHg: vitalSignField('diastolicMmHg'),
            heartRateBpm: vitalSignField('heartRateBpm'),
            spo2Percent: vitalSignField('spo2Percent').nullish(),
            respiratoryRate: vitalSignField('respiratoryRatePerMin').nullish(),
          }),
          response: { 201: vitalSchema },
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
