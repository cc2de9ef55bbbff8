import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { clinicParams, patientParams } from '../../../contract/common'
import {
  addChairBody,
  boardQuery,
  boardSchema,
  bookBody,
  chairSchema,
  patientSessionSchema,
  suggestedDatesSchema,
  viewSchema,
} from '../../../contract/sessions'
import type { AppContext } from '../../context'
import { signInOf } from '../../plugins/auth'
import { getBoard } from './board'
import * as schedule from './schedule'

/** Chairs, booking, a patient's sessions and the day's board (its live stream: live-routes.ts). */
export function sessionScheduleRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['sessions']
    app.get(
      '/api/v1/clinics/:clinicId/chairs',
      {
        schema: {
          tags,
          summary: "The clinic's treatment chairs",
          params: clinicParams,
          response: { 200: z.array(chairSchema) },
        },
      },
      async (request) => schedule.listChairs(ctx, signInOf(request).principal, request.params.clinicId),
    )
    app.post(
      '/api/v1/clinics/:clinicId/chairs',
      {
        schema: {
          tags,
          summary: 'Add a chair (administrator)',
          params: clinicParams,
          body: addChairBody,
          response: { 201: chairSchema },
        },
      },
      async (request, reply) => {
        const { principal } = signInOf(request)
        const chair = await schedule.addChair(ctx, principal, request.params.clinicId, request.body.name)
        return reply.status(201).send(chair)
      },
    )
    app.get(
      '/api/v1/clinics/:clinicId/board',
      {
        schema: {
          tags,
          summary:
            "The day's board: chairs, sessions, states, next vitals due, open alerts, REMS forms owed (for live updates open …/board/live)",
          params: clinicParams,
          querystring: boardQuery,
          response: { 200: boardSchema },
        },
      },
      async (request) =>
        getBoard(ctx, signInOf(request).principal, request.params.clinicId, request.query.date),
    )
    app.post(
      '/api/v1/clinics/:clinicId/sessions',
      {
        schema: {
          tags,
          summary:
            'Book the next session of the patient’s approved plan (spacing is checked; a prescriber may override with a reason)',
          params: clinicParams,
          body: bookBody,
          response: { 201: viewSchema },
        },
      },
      async (request, reply) => {
        const { principal } = signInOf(request)
        const view = await schedule.bookSession(ctx, principal, request.params.clinicId, request.body)
        return reply.status(201).send(view)
      },
    )
    app.get(
      '/api/v1/clinics/:clinicId/patients/:patientId/sessions',
      {
        schema: {
          tags,
          summary: "A patient's sessions",
          params: patientParams,
          response: { 200: z.array(patientSessionSchema) },
        },
      },
      async (request) =>
        schedule.listSessionsOfPatient(
          ctx,
          signInOf(request).principal,
          request.params.clinicId,
          request.params.patientId,
        ),
    )
    app.get(
      '/api/v1/clinics/:clinicId/patients/:patientId/sessions/suggested-dates',
      {
        schema: {
          tags,
          summary: 'Next dates by the plan’s cadence or the esketamine label schedule',
          params: patientParams,
          response: { 200: suggestedDatesSchema },
        },
      },
      async (request) =>
        schedule.suggestDates(
          ctx,
          signInOf(request).principal,
          request.params.clinicId,
          request.params.patientId,
        ),
    )
  }
}
