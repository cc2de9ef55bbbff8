import { type SqlBool, sql } from 'kysely'
import { icd10cm } from '../code-systems'
import { episodeCodes, toCondition } from '../resources/condition'
import { matchesToken, type SearchRequest, searchById } from '../search-params'
import { allOf, commonConditions, isUuid, textIn } from '../sql-filters'
import type { ResourceSource, SourceScope } from './source'

// One Condition per patient whose intake describes the current episode (a `screening` row with a
// severity). The code depends on the antidepressant trials (recurrent or not) and the status on the
// eligibility decisions, so both are summed per row in lateral subqueries, and the version and the
// last update count their changes too (an ETag changes whenever the resource does).

const recurrent = sql<boolean>`coalesce(t.recurrent, false)`
const code = sql<string>`CASE ${sql.join(
  Object.entries(episodeCodes).map(
    ([severity, [single, recurrentCode]]) =>
      sql`WHEN c.severity = ${severity} THEN (CASE WHEN ${recurrent} THEN ${recurrentCode} ELSE ${single} END)`,
  ),
  sql` `,
)} END`
const lastUpdated = sql<Date>`greatest(c.updated_at, t.changed_at, d.signed_at)`

function load({ tx, clinicId }: SourceScope, request: SearchRequest) {
  const conditions = commonConditions(request, {
    id: sql.ref('c.id'),
    lastUpdated,
    patient: sql.ref('c.patient_id'),
  })
  if (request.codes) {
    const codes = Object.values(episodeCodes).flat()
    conditions.push(
      textIn(
        code,
        codes.filter((c) => request.codes!.some((t) => matchesToken([{ system: icd10cm, code: c }], t))),
      ),
    )
  }
  // Every served episode is the active one.
  if (request.statuses && !request.statuses.includes('active')) conditions.push(sql<SqlBool>`false`)
  return tx
    .selectFrom('screening as c')
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('antidepressant_trial as a')
          .select([
            sql<boolean>`bool_or(NOT a.is_current_episode AND a.entered_in_error_at IS NULL)`.as('recurrent'),
            sql<number>`(count(*) + count(a.entered_in_error_at))::int`.as('changes'),
            sql<Date | null>`max(coalesce(a.entered_in_error_at, a.created_at))`.as('changed_at'),
          ])
          .where('a.clinic_id', '=', clinicId)
          .whereRef('a.patient_id', '=', 'c.patient_id')
          .as('t'),
      (join) => join.onTrue(),
    )
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('eligibility_decision as e')
          .select([
            sql<number>`count(*)::int`.as('decisions'),
            sql<Date | null>`max(e.signed_at)`.as('signed_at'),
          ])
          .where('e.clinic_id', '=', clinicId)
          .whereRef('e.patient_id', '=', 'c.patient_id')
          .as('d'),
      (join) => join.onTrue(),
    )
    .select([
      'c.id',
      'c.patient_id',
      'c.episode_duration_months',
      'c.updated_at',
      code.as('code'),
      sql<boolean>`d.decisions > 0`.as('isSigned'),
      sql<number>`c.version + coalesce(t.changes, 0) + d.decisions`.as('version'),
      lastUpdated.as('lastUpdated'),
    ])
    .where('c.clinic_id', '=', clinicId)
    .where('c.severity', 'is not', null)
    .where(allOf(conditions))
    .orderBy('c.id')
    .limit(request.count + 1)
    .execute()
}

/** The current depressive episode of each patient whose intake describes it. */
export const conditionSource: ResourceSource = {
  type: 'Condition',
  permission: 'clinical:read',
  params: ['_id', '_lastUpdated', 'patient', 'subject', 'code', 'clinical-status'],
  includes: [],
  paramDocs: {
    code: `ICD-10-CM (${icd10cm}): F32.0–F32.3, F33.0–F33.3, F32.A.`,
    'clinical-status': 'Always active: the episode under treatment.',
  },
  read: async (scope, id) => {
    if (!isUuid(id)) return undefined
    const rows = await load(scope, searchById(id))
    return rows[0] && toCondition(rows[0], scope.timeZone)
  },
  search: async (scope, request) =>
    (await load(scope, request)).map((row) => toCondition(row, scope.timeZone)),
}
