import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { clinicDetailsSchema, clinicPhoneBody, clinicSummarySchema } from '../../../contract/clinics'
import { clinicParams } from '../../../contract/common'
import type { AppContext } from '../../context'
import { clinic, routeTable } from '../../route-table'
import { getClinicDetails, getClinicSummary, updateClinicPhone } from './service'

export function clinicRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return routeTable(ctx, ['clinics'], ({ get, put, call }) => {
    get(
      '/api/v1/clinics/:clinicId/summary',
      "The clinic's name, time zone and headline counts",
      { params: clinicParams, 200: clinicSummarySchema },
      call(clinic, getClinicSummary),
    )
    get(
      '/api/v1/clinics/:clinicId/details',
      "The clinic's name and the phone number patients are given",
      { params: clinicParams, 200: clinicDetailsSchema },
      call(clinic, getClinicDetails),
    )
    put(
      '/api/v1/clinics/:clinicId/details',
      "Change the clinic's phone number for patients (administrator); empty clears it",
      { params: clinicParams, body: clinicPhoneBody, 200: clinicDetailsSchema },
      ({ principal, clinicId, body }) =>
        updateClinicPhone(ctx, principal, clinicId, {
          phone: body.phone === '' ? null : body.phone,
          version: body.version,
        }),
    )
  })
}
