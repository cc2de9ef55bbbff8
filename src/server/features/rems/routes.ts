import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { clinicParams, patientParams } from '../../../contract/common'
import { remsEntriesSchema, remsEntryBody } from '../../../contract/rems'
import type { AppContext } from '../../context'
import { clinic, patient, routeTable } from '../../route-table'
import * as rems from './service'

// Esketamine REMS records (clinical-reference §3): the clinic's setting certification and each
// patient's enrolment. Writes append; the newest entry is in force.
export function remsRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return routeTable(ctx, ['rems'], ({ get, post, call }) => {
    const certification = '/api/v1/clinics/:clinicId/rems/certification'
    get(
      certification,
      "The clinic's esketamine REMS healthcare-setting certification, with earlier entries",
      { params: clinicParams, 200: remsEntriesSchema },
      call(clinic, rems.getSettingCertification),
    )
    post(
      certification,
      'Record the REMS setting certification (administrator or prescriber); a correction needs a reason',
      { params: clinicParams, body: remsEntryBody, 200: remsEntriesSchema },
      call(clinic, rems.recordSettingCertification),
    )

    const enrolment = '/api/v1/clinics/:clinicId/patients/:patientId/rems-enrolment'
    get(
      enrolment,
      "The patient's esketamine REMS enrolment, with earlier entries",
      { params: patientParams, 200: remsEntriesSchema },
      call(patient, rems.getPatientEnrolment),
    )
    post(
      enrolment,
      "Record the patient's REMS enrolment (prescriber or nurse); a correction needs a reason",
      { params: patientParams, body: remsEntryBody, 200: remsEntriesSchema },
      call(patient, rems.recordPatientEnrolment),
    )
  })
}
