import type { Encounter } from '@medplum/fhirtypes'
import { sql } from 'kysely'
import { sessionStates } from '../../../domain/session'
import { encounterStatusOf, type SessionRow, type SessionTimes, toEncounter } from '../resources/encounter'
import type { SearchRequest } from '../search-params'
import { commonConditions, isUuid, keysetPage, textIn } from '../sql-filters'
import type { ResourceSource, SourceScope } from './source'

const sessionColumns = [
  'id',
  'clinic_id',
  'patient_id',
  'plan_id',
  'chair_id',
  'session_number',
  'scheduled_at',
  'planned_duration_min',
  'state',
  'route',
  'supervising_prescriber_id',
  'primary_nurse_id',
  'discharged_at',
  'updated_at',
  'version',
] as const

/** The session states an Encounter status stands for (several states share `in-progress`). */
const statesOf = (statuses: readonly string[]) =>
  sessionStates.filter((state) => statuses.includes(encounterStatusOf[state]))

/** Check-in and end times of the sessions, from their state events (one query for the page). */
async function timesOf(
  { tx, clinicId }: SourceScope,
  sessionIds: string[],
): Promise<Map<string, SessionTimes>> {
  const times = new Map<string, SessionTimes>(
    sessionIds.map((id) => [id, { checkedInAt: null, endedAt: null }]),
  )
  if (sessionIds.length === 0) return times
  const events = await tx
    .selectFrom('session_event')
    .select(['session_id', 'at', sql<string>`payload->>'to'`.as('to')])
    .where('clinic_id', '=', clinicId)
    .where('session_id', 'in', sessionIds)
    .where('kind', '=', 'state')
    .where('entered_in_error_at', 'is', null)
    .where(sql<string>`payload->>'to'`, 'in', ['checked-in', 'discharged', 'cancelled', 'aborted'])
    .orderBy('at')
    .execute()
  for (const e of events) {
    const t = times.get(e.session_id)!
    if (e.to === 'checked-in') t.checkedInAt ??= e.at
    else t.endedAt = e.at
  }
  return times
}

async function encountersOf(scope: SourceScope, rows: SessionRow[]): Promise<Encounter[]> {
  const times = await timesOf(
    scope,
    rows.map((r) => r.id),
  )
  return rows.map((row) => toEncounter(row, times.get(row.id)!))
}

function load(scope: SourceScope, request: SearchRequest) {
  const conditions = commonConditions(request, {
    id: sql.ref('id'),
    lastUpdated: sql.ref('updated_at'),
    patient: sql.ref('patient_id'),
    date: sql.ref('scheduled_at'),
  })
  if (request.statuses) conditions.push(textIn(sql.ref('state'), statesOf(request.statuses)))
  const query = scope.tx
    .selectFrom('treatment_session')
    .select(sessionColumns)
    .where('clinic_id', '=', scope.clinicId)
  return keysetPage(query, conditions, request.count + 1)
}

/** Treatment sessions as Encounters. */
export const encounterSource: ResourceSource = {
  type: 'Encounter',
  permission: 'patients:read',
  params: ['_id', '_lastUpdated', 'patient', 'subject', 'date', 'status'],
  includes: [],
  paramDocs: {
    date: 'The time the session was booked for (scheduled_at).',
    status: 'planned, arrived, triaged, in-progress, finished or cancelled, from the session state.',
  },
  read: async (scope, id) => {
    if (!isUuid(id)) return undefined
    const row = await scope.tx
      .selectFrom('treatment_session')
      .select(sessionColumns)
      .where('clinic_id', '=', scope.clinicId)
      .where('id', '=', id)
      .executeTakeFirst()
    return row && (await encountersOf(scope, [row]))[0]
  },
  search: async (scope, request) => encountersOf(scope, await load(scope, request)),
}
