import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { entryParams, errorReasonBody, patientParams } from '../../../contract/common'
import { historySchema, screeningBody, trialBody } from '../../../contract/history'
import type { AppContext } from '../../context'
import { signInOf } from '../../plugins/auth'
import * as history from './service'

export function historyRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const base = '/api/v1/clinics/:clinicId/patients/:patientId'
    app.get(
      `${base}/history`,
      {
        schema: {
          tags: ['history'],
          summary:
            'Antidepressant trials, screening answers, and the live TRD, Thase–Rush, Maudsley and contraindication results',
          params: patientParams,
          response: { 200: historySchema },
        },
      },
      async (request) =>
        history.getHistory(
          ctx,
          signInOf(request).principal,
          request.params.clinicId,
          request.params.patientId,
        ),
    )

    app.post(
      `${base}/trials`,
      {
        schema: {
          tags: ['history'],
          summary: 'Add an antidepressant trial; returns the updated history',
          params: patientParams,
          body: trialBody,
          response: { 201: historySchema },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await history.addTrial(
              ctx,
              signInOf(request).principal,
              request.params.clinicId,
              request.params.patientId,
              request.body,
            ),
          ),
    )

    app.post(
      `${base}/trials/:entryId/entered-in-error`,
      {
        schema: {
          tags: ['history'],
          summary: 'Mark a trial entered in error; returns the updated history',
          params: entryParams,
          body: errorReasonBody,
          response: { 200: historySchema },
        },
      },
      async (request) =>
        history.markTrialInError(
          ctx,
          signInOf(request).principal,
          request.params.clinicId,
          request.params.patientId,
          request.params.entryId,
          request.body.reason,
        ),
    )

    app.put(
      `${base}/screening`,
      {
        schema: {
          tags: ['history'],
          summary:
            'Save the contraindication screen and the current episode (send the version you loaded; 0 for a first save)',
          params: patientParams,
          body: screeningBody,
          response: { 200: historySchema },
        },
      },
      async (request) =>
        history.saveScreening(
          ctx,
          signInOf(request).principal,
          request.params.clinicId,
          request.params.patientId,
          request.body,
        ),
    )
  }
}
