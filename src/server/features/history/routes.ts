import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { entryParams, errorReasonBody, patientParams } from '../../../contract/common'
import { historySchema, screeningBody, trialBody } from '../../../contract/history'
import type { AppContext } from '../../context'
import { patient, routeTable } from '../../route-table'
import * as history from './service'

export function historyRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return routeTable(ctx, ['history'], ({ get, post, put, call }) => {
    const base = '/api/v1/clinics/:clinicId/patients/:patientId'
    get(
      `${base}/history`,
      'Antidepressant trials, screening answers, and the live TRD, Thase–Rush, Maudsley and contraindication results',
      { params: patientParams, 200: historySchema },
      call(patient, history.getHistory),
    )
    post(
      `${base}/trials`,
      'Add an antidepressant trial; returns the updated history',
      { params: patientParams, body: trialBody, 201: historySchema },
      call(patient, history.addTrial),
    )
    // Unlike the other entered-in-error routes, this one answers with the updated history.
    post(
      `${base}/trials/:entryId/entered-in-error`,
      'Mark a trial entered in error; returns the updated history',
      { params: entryParams, body: errorReasonBody, 200: historySchema },
      ({ principal, clinicId, patientId, entryId, body }) =>
        history.markTrialInError(ctx, principal, clinicId, patientId, entryId, body.reason),
    )
    put(
      `${base}/screening`,
      'Save the contraindication screen and the current episode (send the version you loaded; 0 for a first save)',
      { params: patientParams, body: screeningBody, 200: historySchema },
      call(patient, history.saveScreening),
    )
  })
}
