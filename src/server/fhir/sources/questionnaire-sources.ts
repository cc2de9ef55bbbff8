import { sql } from 'kysely'
import { questionnaires, toQuestionnaireResponse } from '../resources/questionnaire'
import { appendOnlyLastUpdated, commonConditions, keysetPage, markedStatusIn } from '../sql-filters'
import { pageInMemory } from './clinic-sources'
import { clinicRow, type ResourceSource } from './source'

/** The instruments as Questionnaires: the same for every clinic, read from the domain. */
export const questionnaireSource: ResourceSource = {
  type: 'Questionnaire',
  permission: 'clinic:read',
  params: ['_id'],
  includes: [],
  read: async (_scope, id) => questionnaires().find((q) => q.id === id),
  search: async (_scope, request) => pageInMemory(questionnaires(), request),
}

/** Each recorded instrument response with its item answers. */
export const questionnaireResponseSource: ResourceSource = {
  type: 'QuestionnaireResponse',
  permission: 'clinical:read',
  params: ['_id', '_lastUpdated', 'patient', 'subject', 'status'],
  includes: [],
  paramDocs: { status: 'completed, or entered-in-error for responses marked in error.' },
  read: async (scope, id) => {
    const row = await clinicRow(scope, 'instrument_response', id)
    return row && toQuestionnaireResponse(row)
  },
  search: async ({ tx, clinicId }, request) => {
    const conditions = commonConditions(request, {
      id: sql.ref('id'),
      lastUpdated: appendOnlyLastUpdated,
      patient: sql.ref('patient_id'),
    })
    if (request.statuses) conditions.push(markedStatusIn(request.statuses, 'completed'))
    const query = tx.selectFrom('instrument_response').selectAll().where('clinic_id', '=', clinicId)
    return (await keysetPage(query, conditions, request.count + 1)).map(toQuestionnaireResponse)
  },
}
