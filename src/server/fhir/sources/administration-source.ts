import type { MedicationAdministration } from '@medplum/fhirtypes'
import { type SqlBool, sql } from 'kysely'
import type { SessionRoute } from '../../../db'
import { rxnorm } from '../code-systems'
import { drugCodings } from '../resources/medication'
import {
  type AdministrationRow,
  type DeliveryMark,
  type LotRef,
  toMedicationAdministration,
} from '../resources/medication-administration'
import { matchesToken, type SearchRequest, searchById } from '../search-params'
import { allOf, commonConditions, isUuid, textIn, uuidIn } from '../sql-filters'
import type { ResourceSource, SourceScope } from './source'

// One MedicationAdministration per treatment session whose dose has started: its delivery record
// (pump marks or devices, live or marked in error) is summed per session in a lateral subquery, so
// the status, the start time and the last change are SQL expressions that `status`,
// `effective-time` and `_lastUpdated` filter on, paged by the session id.

const deliveryKinds = ['infusion', 'device']

const status = sql<AdministrationRow['status']>`CASE
  WHEN d.live = 0 AND s.dose_started_at IS NULL THEN 'entered-in-error'
  WHEN s.state IN ('aborted', 'cancelled') OR d.has_stop THEN 'stopped'
  WHEN s.state = 'dosing' THEN 'in-progress'
  ELSE 'completed' END`
const effectiveStart = sql<Date>`coalesce(s.dose_started_at, d.first_live_at, d.first_at)`
const lastUpdated = sql<Date>`greatest(s.updated_at, d.changed_at)`

const routeOfDrug: Record<keyof typeof drugCodings, SessionRoute> = {
  'racemic-ketamine': 'iv',
  esketamine: 'intranasal',
}

/** The routes whose drug a `code` search names (RxNorm: 6130 ketamine, 2201623 esketamine). */
function routesOf(request: SearchRequest): SessionRoute[] {
  return (Object.keys(drugCodings) as (keyof typeof drugCodings)[])
    .filter((drug) => request.codes!.some((t) => matchesToken([{ system: rxnorm, ...drugCodings[drug] }], t)))
    .map((drug) => routeOfDrug[drug])
}

function load({ tx, clinicId }: SourceScope, request: SearchRequest) {
  return tx
    .selectFrom('treatment_session as s')
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('session_event as e')
          .select([
            sql<number>`count(*) FILTER (WHERE e.entered_in_error_at IS NULL)::int`.as('live'),
            sql<number>`(count(*) + count(e.entered_in_error_at))::int`.as('changes'),
            sql<Date | null>`max(coalesce(e.entered_in_error_at, e.created_at))`.as('changed_at'),
            sql<Date | null>`min(e.at) FILTER (WHERE e.entered_in_error_at IS NULL)`.as('first_live_at'),
            sql<Date | null>`min(e.at)`.as('first_at'),
            sql<boolean>`coalesce(bool_or(e.kind = 'infusion' AND e.payload->>'action' = 'stop'
              AND e.entered_in_error_at IS NULL), false)`.as('has_stop'),
          ])
          .where('e.clinic_id', '=', clinicId)
          .whereRef('e.session_id', '=', 's.id')
          .where('e.kind', 'in', deliveryKinds)
          .as('d'),
      (join) => join.onTrue(),
    )
    .select([
      's.id',
      's.patient_id',
      's.route',
      's.planned_dose_mg',
      's.infusion_min',
      's.supervising_prescriber_id',
      's.primary_nurse_id',
      's.dose_checked_by',
      's.dose_started_at',
      's.dose_ended_at',
      's.updated_at',
      's.version',
      status.as('status'),
      sql<number>`coalesce(d.changes, 0)`.as('changes'),
      lastUpdated.as('lastUpdated'),
      sql<Date | null>`d.first_at`.as('firstEventAt'),
    ])
    .where('s.clinic_id', '=', clinicId)
    .where(sql<SqlBool>`(s.dose_started_at IS NOT NULL OR d.changes > 0)`)
    .where(conditionsOf(request))
    .orderBy('s.id')
    .limit(request.count + 1)
    .execute()
}

function conditionsOf(request: SearchRequest) {
  const conditions = commonConditions(request, {
    id: sql.ref('s.id'),
    lastUpdated,
    patient: sql.ref('s.patient_id'),
    date: effectiveStart,
  })
  if (request.statuses) conditions.push(textIn(status, request.statuses))
  if (request.encounters) conditions.push(uuidIn(sql.ref('s.id'), request.encounters))
  if (request.codes) conditions.push(textIn(sql.ref('s.route'), routesOf(request)))
  return allOf(conditions)
}

/** The page's live delivery events and ledger lots, then the resources. */
async function administrationsOf(
  { tx, clinicId }: SourceScope,
  rows: AdministrationRow[],
): Promise<MedicationAdministration[]> {
  if (rows.length === 0) return []
  const ids = rows.map((r) => r.id)
  const [events, entries] = await Promise.all([
    tx
      .selectFrom('session_event')
      .select(['session_id', 'kind', 'at', sql<string | null>`payload->>'action'`.as('action')])
      .where('clinic_id', '=', clinicId)
      .where('session_id', 'in', ids)
      .where('kind', 'in', deliveryKinds)
      .where('entered_in_error_at', 'is', null)
      .orderBy('at')
      .orderBy('id')
      .execute(),
    tx
      .selectFrom('cs_entry')
      .select(['session_id', 'lot_id'])
      .distinct()
      .where('clinic_id', '=', clinicId)
      .where('session_id', 'in', ids)
      .where('kind', 'in', ['dispense', 'administer'])
      .orderBy('lot_id')
      .execute(),
  ])
  const marks = new Map<string, DeliveryMark[]>(ids.map((id) => [id, []]))
  for (const e of events) marks.get(e.session_id)!.push(e)
  const lots = new Map<string, LotRef[]>(ids.map((id) => [id, []]))
  for (const e of entries) lots.get(e.session_id!)!.push({ id: e.lot_id })
  return rows.map((row) => toMedicationAdministration(row, marks.get(row.id)!, lots.get(row.id)!))
}

/** Each session's dose (IV ketamine infusion or esketamine devices) as a MedicationAdministration. */
export const administrationSource: ResourceSource = {
  type: 'MedicationAdministration',
  permission: 'clinical:read',
  params: ['_id', '_lastUpdated', 'patient', 'subject', 'context', 'effective-time', 'status', 'code'],
  includes: [],
  paramDocs: {
    'effective-time': 'When the dose started (the first pump start or device).',
    status: 'in-progress, completed, stopped (pump stopped early, session aborted) or entered-in-error.',
    code: `RxNorm ${drugCodings['racemic-ketamine'].code} (ketamine, IV) or ${drugCodings.esketamine.code} (esketamine nasal spray).`,
    context: 'The session’s Encounter (Encounter/<id>; the administration has the same id).',
  },
  paramDefinitions: {
    code: 'medications-code',
    patient: 'medications-patient',
    status: 'medications-status',
  },
  read: async (scope, id) => {
    if (!isUuid(id)) return undefined
    return (await administrationsOf(scope, await load(scope, searchById(id))))[0]
  },
  search: async (scope, request) => administrationsOf(scope, await load(scope, request)),
}
