import { sql } from 'kysely'
import { toAdverseEvent } from '../resources/adverse-event'
import type { SearchRequest } from '../search-params'
import { allOf, appendOnlyLastUpdated, commonConditions } from '../sql-filters'
import { clinicRows, type ResourceSource, readRow, type SourceScope } from './source'

async function search(scope: SourceScope, request: SearchRequest) {
  const conditions = commonConditions(request, {
    id: sql.ref('id'),
    lastUpdated: appendOnlyLastUpdated,
    patient: sql.ref('patient_id'),
    date: sql.ref('onset_at'),
  })
  const rows = await clinicRows(scope, 'side_effect', allOf(conditions), request.count + 1)
  return rows.map(toAdverseEvent)
}

/** Side effects charted in sessions (`side_effect`), with their grade, as AdverseEvents. */
export const adverseEventSource: ResourceSource = {
  type: 'AdverseEvent',
  permission: 'clinical:read',
  params: ['_id', '_lastUpdated', 'patient', 'subject', 'date'],
  includes: [],
  paramDocs: {
    date: 'The onset of the side effect.',
    patient: 'The same as subject (R4 defines only subject for AdverseEvent).',
  },
  paramDefinitions: { patient: null, date: 'AdverseEvent-date' },
  read: readRow('side_effect', toAdverseEvent),
  search,
}
