import type { SqlBool } from 'kysely'
import { sql } from 'kysely'
import { toConsent } from '../resources/consent'
import type { SearchRequest } from '../search-params'
import { allOf, anyOf, commonConditions, isUuid } from '../sql-filters'
import type { ResourceSource, SourceScope } from './source'

const byStatus: Record<string, ReturnType<typeof sql<SqlBool>>> = {
  active: sql<SqlBool>`c.withdrawn_at IS NULL`,
  inactive: sql<SqlBool>`c.withdrawn_at IS NOT NULL`,
}

/** Consents with the title and version of their text, in id order. */
function consents({ tx, clinicId }: SourceScope) {
  return tx
    .selectFrom('consent as c')
    .innerJoin('consent_text as t', 't.id', 'c.consent_text_id')
    .selectAll('c')
    .select(['t.title as text_title', 't.version as text_version'])
    .where('c.clinic_id', '=', clinicId)
    .orderBy('c.id')
}

async function search(scope: SourceScope, request: SearchRequest) {
  const conditions = commonConditions(request, {
    id: sql.ref('c.id'),
    lastUpdated: sql`coalesce(c.withdrawn_at, c.signed_at)`,
    patient: sql.ref('c.patient_id'),
    date: sql.ref('c.signed_at'),
  })
  if (request.statuses) conditions.push(anyOf(request.statuses.flatMap((s) => byStatus[s] ?? [])))
  const rows = await consents(scope)
    .where(allOf(conditions))
    .limit(request.count + 1)
    .execute()
  return rows.map(toConsent)
}

/** Signed treatment consents (`consent`), with the PDF as the source attachment. */
export const consentSource: ResourceSource = {
  type: 'Consent',
  permission: 'clinical:read',
  params: ['_id', '_lastUpdated', 'patient', 'date', 'status'],
  includes: [],
  paramDocs: {
    date: 'When the patient signed.',
    status: 'active, or inactive once the patient withdrew consent.',
  },
  read: async (scope, id) => {
    if (!isUuid(id)) return undefined
    const row = await consents(scope).where('c.id', '=', id).executeTakeFirst()
    return row && toConsent(row)
  },
  search,
}
