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
import { clinic, patient, routeTable } from '../../route-table'
import { getBoard } from './board'
import * as schedule from './schedule'

/** Chairs, booking, a patient's sessions and the day's board (its live stream: live-routes.ts). */
export function sessionScheduleRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return routeTable(ctx, ['sessions'], ({ get, post, call }) => {
    const base = '/api/v1/clinics/:clinicId'
    get(
      `${base}/chairs`,
      "The clinic's treatment chairs",
      { params: clinicParams, 200: z.array(chairSchema) },
      call(clinic, schedule.listChairs),
    )
    post(
      `${base}/chairs`,
      'Add a chair (administrator)',
      { params: clinicParams, body: addChairBody, 201: chairSchema },
      ({ principal, clinicId, body }) => schedule.addChair(ctx, principal, clinicId, body.name),
    )
    get(
      `${base}/board`,
      "The day's board: chairs, sessions, states, next vitals due, open alerts, REMS forms owed (for live updates open …/board/live)",
      { params: clinicParams, query: boardQuery, 200: boardSchema },
      ({ principal, clinicId, query }) => getBoard(ctx, principal, clinicId, query.date),
    )
    post(
      `${base}/sessions`,
      'Book the next session of the patient’s approved plan (spacing is checked; a prescriber may override with a reason)',
      { params: clinicParams, body: bookBody, 201: viewSchema },
      call(clinic, schedule.bookSession),
    )
    get(
      `${base}/patients/:patientId/sessions`,
      "A patient's sessions",
      { params: patientParams, 200: z.array(patientSessionSchema) },
      call(patient, schedule.listSessionsOfPatient),
    )
    get(
      `${base}/patients/:patientId/sessions/suggested-dates`,
      'Next dates by the plan’s cadence or the esketamine label schedule',
      { params: patientParams, 200: suggestedDatesSchema },
      call(patient, schedule.suggestDates),
    )
  })
}
