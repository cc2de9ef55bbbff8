import { sql } from 'kysely'
import type { CsDrug } from '../../../db'
import { ndc, rxnorm } from '../code-systems'
import { drugCodings, toMedication } from '../resources/medication'
import { matchesToken, type SearchRequest } from '../search-params'
import { anyOf, commonConditions, textIn } from '../sql-filters'
import { clinicPage, type ResourceSource, readRow, type SourceScope } from './source'

/** A `code` search: the drugs its RxNorm tokens name, or lots by NDC. */
function codeCondition(request: SearchRequest) {
  const tokens = request.codes!
  const drugs = (Object.keys(drugCodings) as CsDrug[]).filter((drug) =>
    tokens.some((t) => matchesToken([{ system: rxnorm, code: drugCodings[drug].code }], t)),
  )
  const ndcs = tokens.filter((t) => t.system === undefined || t.system === ndc).map((t) => t.code)
  return anyOf([
    ...(drugs.length > 0 ? [textIn(sql.ref('drug'), drugs)] : []),
    ...(ndcs.length > 0 ? [textIn(sql.ref('ndc'), ndcs)] : []),
  ])
}

function load(scope: SourceScope, request: SearchRequest) {
  const conditions = commonConditions(request, { id: sql.ref('id'), lastUpdated: sql.ref('created_at') })
  if (request.codes) conditions.push(codeCondition(request))
  return clinicPage(scope, 'cs_lot', conditions, request.count)
}

/** The clinic's controlled-substance lots (`cs_lot`) as Medications with their batch. */
export const medicationSource: ResourceSource = {
  type: 'Medication',
  permission: 'clinical:read',
  params: ['_id', '_lastUpdated', 'code'],
  includes: [],
  paramDocs: {
    code: `RxNorm ${drugCodings['racemic-ketamine'].code} or ${drugCodings.esketamine.code}, or the lot's NDC (${ndc}|<ndc>).`,
    _lastUpdated: 'When the lot was received into the ledger (lots do not change).',
  },
  paramDefinitions: { code: 'medications-code' },
  read: readRow('cs_lot', toMedication),
  search: async (scope, request) => (await load(scope, request)).map(toMedication),
}
