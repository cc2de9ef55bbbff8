import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { clinicParams } from '../../../contract/common'
import type { AppContext } from '../../context'
import { signInOf } from '../../plugins/auth'
import { getClinicDetails, getClinicSummary, updateClinicPhone } from './service'

// A phone number as people write it: digits with spaces, dashes, dots, brackets, a leading +.
const phoneSchema = z
  .string()
  .trim()
  .max(40, 'must be at most 40 characters')
  .regex(/^\+?[\d\s().-]*$/, 'may hold only digits, spaces, +, -, . and brackets')
  .refine((v) => v === '' || v.replace(/\D/g, '').length >= 7, 'must have at least 7 digits')

const clinicDetails = z.object({ name: z.string(), phone: z.string().nullable(), version: z.number() })

export function clinicRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/v1/clinics/:clinicId/summary',
      {
        schema: {
          tags: ['clinics'],
          summary: "The clinic's name, time zone and headline counts",
          params: clinicParams,
          response: {
            200: z.object({
              clinicName: z.string(),
              timeZone: z.string(),
              counts: z.object({ users: z.number(), auditEvents: z.number() }),
            }),
          },
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
          response: { 200: clinicDetails },
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
          body: z.object({ phone: phoneSchema, version: z.number().int().min(0) }),
          response: { 200: clinicDetails },
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
