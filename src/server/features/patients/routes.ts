import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import {
  clinicParams,
  enteredInErrorSchema,
  errorReasonBody,
  instant,
  isoDate,
  optionalText,
  paged,
  pageQuery,
  patientParams,
} from '../../../contract/common'
import type { AppContext } from '../../context'
import { signInOf } from '../../plugins/auth'
import { postalCodePattern, usStateCodes } from './address'
import * as patients from './service'

const sexSchema = z.enum(['female', 'male', 'other', 'unknown'])
const dateOfBirth = isoDate.refine(
  (d) => d >= '1900-01-01' && d <= new Date().toISOString().slice(0, 10),
  'must be a date between 1900 and today',
)

const patientFields = {
  mrn: z.string().trim().min(1).max(40),
  givenName: z.string().trim().min(1).max(100),
  familyName: z.string().trim().min(1).max(100),
  dateOfBirth,
  sex: sexSchema,
  phone: optionalText(40),
  email: z
    .union([z.email().max(320), z.literal('')])
    .nullish()
    .transform((v) => v || null),
  // §8: the administration log names the patient's address; required at registration.
  addressStreet: z.string().trim().min(1).max(200),
  addressCity: z.string().trim().min(1).max(100),
  addressState: z
    .string()
    .trim()
    .transform((v) => v.toUpperCase())
    .refine((v) => v === '' || usStateCodes.includes(v), 'must be a US state code, such as OH or NY')
    .refine((v) => v !== '', 'is required'),
  addressPostalCode: z
    .string()
    .trim()
    .refine(
      (v) => v === '' || postalCodePattern.test(v),
      'must be a ZIP code: 5 digits, or ZIP+4 (12345-6789)',
    )
    .refine((v) => v !== '', 'is required'),
  escortName: optionalText(200),
  escortPhone: optionalText(40),
  emergencyContactName: optionalText(200),
  emergencyContactPhone: optionalText(40),
  emergencyContactRelation: optionalText(100),
}

const patientSchema = z.object({
  id: z.string(),
  mrn: z.string(),
  givenName: z.string(),
  familyName: z.string(),
  dateOfBirth: z.string(),
  sex: sexSchema,
  phone: z.string().nullable(),
  email: z.string().nullable(),
  address: z.string().nullable().describe('One line, composed from the parts (free text before them)'),
  addressStreet: z.string().nullable(),
  addressCity: z.string().nullable(),
  addressState: z.string().nullable(),
  addressPostalCode: z.string().nullable(),
  escortName: z.string().nullable(),
  escortPhone: z.string().nullable(),
  emergencyContactName: z.string().nullable(),
  emergencyContactPhone: z.string().nullable(),
  emergencyContactRelation: z.string().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
  version: z.number(),
})

// Stage and open alerts are null for roles that may not read the chart (front desk, issue 13);
// whether a session can be booked is there for everyone.
const patientWithStageSchema = patientSchema.extend({
  stage: z
    .enum(['intake', 'awaiting-decision', 'declined', 'deferred', 'eligible', 'ready-for-treatment'])
    .nullable(),
  openAlerts: z.number().nullable(),
  isReadyForTreatment: z.boolean(),
})

const measurementSchema = z.object({
  id: z.string(),
  measuredAt: z.date(),
  weightKg: z.number(),
  heightCm: z.number().nullable(),
  recordedBy: z.string().nullable(),
  enteredInError: enteredInErrorSchema,
})

export function patientRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/v1/clinics/:clinicId/patients',
      {
        schema: {
          tags: ['patients'],
          summary: 'Search patients by name, MRN or date of birth',
          params: clinicParams,
          querystring: pageQuery.extend({
            q: z.string().trim().max(200).optional(),
            dateOfBirth: isoDate.optional(),
          }),
          response: {
            200: paged(patientWithStageSchema),
          },
        },
      },
      async (request) =>
        patients.listPatients(ctx, signInOf(request).principal, request.params.clinicId, request.query),
    )

    app.post(
      '/api/v1/clinics/:clinicId/patients',
      {
        schema: {
          tags: ['patients'],
          summary:
            'Register a patient (409 with duplicateOf when the same name and date of birth exist, unless confirmNotDuplicate)',
          params: clinicParams,
          body: z.object({ ...patientFields, confirmNotDuplicate: z.boolean().optional() }),
          response: { 201: patientSchema },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await patients.createPatient(
              ctx,
              signInOf(request).principal,
              request.params.clinicId,
              request.body,
            ),
          ),
    )

    app.get(
      '/api/v1/clinics/:clinicId/patients/:patientId',
      {
        schema: {
          tags: ['patients'],
          summary: "A patient's demographics",
          params: patientParams,
          response: { 200: patientWithStageSchema },
        },
      },
      async (request) =>
        patients.getPatient(
          ctx,
          signInOf(request).principal,
          request.params.clinicId,
          request.params.patientId,
        ),
    )

    app.patch(
      '/api/v1/clinics/:clinicId/patients/:patientId',
      {
        schema: {
          tags: ['patients'],
          summary: "Edit a patient's demographics (optimistic concurrency: send the version you loaded)",
          params: patientParams,
          body: z
            .object({ ...patientFields, confirmNotDuplicate: z.boolean().optional() })
            .partial()
            .extend({
              // An address part sent empty or null is refused (an address is corrected, never removed);
              // null for all four leaves a patient registered before them without one.
              addressStreet: patientFields.addressStreet.nullish(),
              addressCity: patientFields.addressCity.nullish(),
              addressState: patientFields.addressState.nullish(),
              addressPostalCode: patientFields.addressPostalCode.nullish(),
              version: z.number().int().min(1),
            }),
          response: { 200: patientSchema },
        },
      },
      async (request) =>
        patients.updatePatient(
          ctx,
          signInOf(request).principal,
          request.params.clinicId,
          request.params.patientId,
          request.body,
        ),
    )

    app.get(
      '/api/v1/clinics/:clinicId/patients/:patientId/measurements',
      {
        schema: {
          tags: ['patients'],
          summary: 'Weight and height history, newest first',
          params: patientParams,
          response: { 200: z.array(measurementSchema) },
        },
      },
      async (request) =>
        patients.listMeasurements(
          ctx,
          signInOf(request).principal,
          request.params.clinicId,
          request.params.patientId,
        ),
    )

    app.post(
      '/api/v1/clinics/:clinicId/patients/:patientId/measurements',
      {
        schema: {
          tags: ['patients'],
          summary: 'Record weight (and height)',
          params: patientParams,
          body: z.object({
            weightKg: z.number().min(20).max(400),
            heightCm: z.number().min(100).max(250).nullish(),
            measuredAt: instant.optional(),
          }),
          response: { 201: measurementSchema },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await patients.addMeasurement(
              ctx,
              signInOf(request).principal,
              request.params.clinicId,
              request.params.patientId,
              request.body,
            ),
          ),
    )

    app.post(
      '/api/v1/clinics/:clinicId/patients/:patientId/measurements/:entryId/entered-in-error',
      {
        schema: {
          tags: ['patients'],
          summary: 'Mark a measurement entered in error',
          params: patientParams.extend({ entryId: z.uuid() }),
          body: errorReasonBody,
        },
      },
      async (request, reply) => {
        await patients.markMeasurementInError(
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
