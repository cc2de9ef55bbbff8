import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { clinicDetailsSchema, clinicPhoneBody, clinicSummarySchema } from '../../../contract/clinics'
import { clinicParams } from '../../../contract/common'
import type { AppContext } from '../../context'
import { signInOf } from '../../plugins/auth'
import { getClinicDetails, getClinicSummary, updateClinicPhone } from './service'

export function clinicRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/v1/clinics/:clinicId/summary',
      {
        schema: {
          tags: ['clinics'],
          summary: "The clinic's name, time zone and headline counts",
          params: clinicParams,
          response: { 200: clinicSummarySchema },
        },
      },
      async (request) => getClinicSummary(ctx, signInOf(request).principal, request.params.clinicId),
    )
    app.get(
      '/api/v1/clinics/:clinicId/details',
      {
        schema: {
          tags: ['clinics'],
          summary: "The clinic's name and the phone number patients are given",
          params: clinicParams,
          response: { 200: clinicDetailsSchema },
        },
      },
      async (request) => getClinicDetails(ctx, signInOf(request).principal, request.params.clinicId),
    )
    app.put(
      '/api/v1/clinics/:clinicId/details',
      {
        schema: {
          tags: ['clinics'],
          summary: "Change the clinic's phone number for patients (administrator); empty clears it",
          params: clinicParams,
          body: clinicPhoneBody,
          response: { 200: clinicDetailsSchema },
        },
      },
      async (request) =>
        updateClinicPhone(ctx, signInOf(request).principal, request.params.clinicId, {
          phone: request.body.phone === '' ? null : request.body.phone,
          version: request.body.version,
        }),
    )
  }
}
