import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import {
  clinicParams,
  entryParams,
  errorReasonBody,
  noContent,
  paged,
  patientParams,
} from '../../../contract/common'
import {
  createPatientBody,
  measurementBody,
  measurementSchema,
  patientListQuery,
  patientSchema,
  patientWithStageSchema,
  updatePatientBody,
} from '../../../contract/patients'
import type { AppContext } from '../../context'
import { signInOf } from '../../plugins/auth'
import * as patients from './service'

export function patientRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(patientRecordRoutes(ctx))
    await app.register(measurementRoutes(ctx))
  }
}

/** Search, registration and demographics. */
function patientRecordRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/v1/clinics/:clinicId/patients',
      {
        schema: {
          tags: ['patients'],
          summary: 'Search patients by name, MRN or date of birth',
          params: clinicParams,
          querystring: patientListQuery,
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
          body: createPatientBody,
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
          body: updatePatientBody,
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
  }
}

/** Weight and height history. */
function measurementRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
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
          body: measurementBody,
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
          params: entryParams,
          body: errorReasonBody,
          response: { 204: noContent },
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
