import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { clinicParams, paged, patientParams } from '../../../contract/common'
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
import { clinic, enteredInErrorRoute, patient, routeTable } from '../../route-table'
import * as patients from './service'

const base = '/api/v1/clinics/:clinicId/patients'

export function patientRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return routeTable(ctx, ['patients'], (routes) => {
    const { get, post, patch, call } = routes
    // Search, registration and demographics.
    get(
      base,
      'Search patients by name, MRN or date of birth',
      { params: clinicParams, query: patientListQuery, 200: paged(patientWithStageSchema) },
      call(clinic, patients.listPatients),
    )
    post(
      base,
      'Register a patient (409 with duplicateOf when the same name and date of birth exist, unless confirmNotDuplicate)',
      { params: clinicParams, body: createPatientBody, 201: patientSchema },
      call(clinic, patients.createPatient),
    )
    get(
      `${base}/:patientId`,
      "A patient's demographics",
      { params: patientParams, 200: patientWithStageSchema },
      call(patient, patients.getPatient),
    )
    patch(
      `${base}/:patientId`,
      "Edit a patient's demographics (optimistic concurrency: send the version you loaded)",
      { params: patientParams, body: updatePatientBody, 200: patientSchema },
      call(patient, patients.updatePatient),
    )
    // Weight and height history.
    get(
      `${base}/:patientId/measurements`,
      'Weight and height history, newest first',
      { params: patientParams, 200: z.array(measurementSchema) },
      call(patient, patients.listMeasurements),
    )
    post(
      `${base}/:patientId/measurements`,
      'Record weight (and height)',
      { params: patientParams, body: measurementBody, 201: measurementSchema },
      call(patient, patients.addMeasurement),
    )
    enteredInErrorRoute(
      routes,
      ctx,
      `${base}/:patientId/measurements`,
      'a measurement',
      patients.markMeasurementInError,
    )
  })
}
