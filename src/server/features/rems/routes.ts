import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { clinicParams, patientParams } from '../../../contract/common'
import { remsEntriesSchema, remsEntryBody } from '../../../contract/rems'
import type { AppContext } from '../../context'
import { signInOf } from '../../plugins/auth'
import * as rems from './service'

// Esketamine REMS records (clinical-reference §3): the clinic's setting certification and each
// patient's enrolment. Writes append; the newest entry is in force.
export function remsRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const certification = '/api/v1/clinics/:clinicId/rems/certification'
    app.get(
      certification,
      {
        schema: {
          tags: ['rems'],
          summary: "The clinic's esketamine REMS healthcare-setting certification, with earlier entries",
          params: clinicParams,
          response: { 200: remsEntriesSchema },
        },
      },
      async (request) =>
        rems.getSettingCertification(ctx, signInOf(request).principal, request.params.clinicId),
    )
    app.post(
      certification,
      {
        schema: {
          tags: ['rems'],
          summary:
            'Record the REMS setting certification (administrator or prescriber); a correction needs a reason',
          params: clinicParams,
          body: remsEntryBody,
          response: { 200: remsEntriesSchema },
        },
      },
      async (request) =>
        rems.recordSettingCertification(
          ctx,
          signInOf(request).principal,
          request.params.clinicId,
          request.body,
        ),
    )

    const enrolment = '/api/v1/clinics/:clinicId/patients/:patientId/rems-enrolment'
    app.get(
      enrolment,
      {
        schema: {
          tags: ['rems'],
          summary: "The patient's esketamine REMS enrolment, with earlier entries",
          params: patientParams,
          response: { 200: remsEntriesSchema },
        },
      },
      async (request) =>
        rems.getPatientEnrolment(
          ctx,
          signInOf(request).principal,
          request.params.clinicId,
          request.params.patientId,
        ),
    )
    app.post(
      enrolment,
      {
        schema: {
          tags: ['rems'],
          summary: "Record the patient's REMS enrolment (prescriber or nurse); a correction needs a reason",
          params: patientParams,
          body: remsEntryBody,
          response: { 200: remsEntriesSchema },
        },
      },
      async (request) =>
        rems.recordPatientEnrolment(
          ctx,
          signInOf(request).principal,
          request.params.clinicId,
          request.params.patientId,
          request.body,
        ),
    )
  }
}
