import { sql } from 'kysely'
import type { PlanStatus } from '../../../db'
import { carePlanStatusOf, toCarePlan } from '../resources/care-plan'
import type { SearchRequest } from '../search-params'
import { allOf, commonConditions, textIn } from '../sql-filters'
import { clinicRows, type ResourceSource, readRow, type SourceScope } from './source'

/** The plan states a CarePlan status stands for (superseded and cancelled are both `revoked`). */
const statesOf = (statuses: readonly string[]) =>
  (Object.keys(carePlanStatusOf) as PlanStatus[]).filter((s) => statuses.includes(carePlanStatusOf[s]))

async function search(scope: SourceScope, request: SearchRequest) {
  const conditions = commonConditions(request, {
    id: sql.ref('id'),
    lastUpdated: sql`greatest(created_at, approved_at)`,
    patient: sql.ref('patient_id'),
    date: sql`coalesce(approved_at, created_at)`,
  })
  if (request.statuses) conditions.push(textIn(sql.ref('status'), statesOf(request.statuses)))
  const rows = await clinicRows(scope, 'treatment_plan', allOf(conditions), request.count + 1)
  return rows.map(toCarePlan)
}

/** Treatment plans (`treatment_plan`) as CarePlans. */
export const carePlanSource: ResourceSource = {
  type: 'CarePlan',
  permission: 'clinical:read',
  params: ['_id', '_lastUpdated', 'patient', 'subject', 'date', 'status'],
  includes: [],
  paramDocs: {
    date: 'The start of the plan: its approval, or its creation while a draft.',
    status: 'draft, active (approved) or revoked (superseded or cancelled).',
  },
  read: readRow('treatment_plan', toCarePlan),
  search,
}
