import { sql } from 'kysely'
import { questionnaires, toQuestionnaireResponse } from '../resources/questionnaire'
import { appendOnlyLastUpdated, commonConditions, markedStatusIn } from '../sql-filters'
import { inMemorySource } from './clinic-sources'
import { clinicPage, type ResourceSource, readRow } from './source'

/** The instruments as Questionnaires: the same for every clinic, read from the domain. */
export const questionnaireSource = inMemorySource('Questionnaire', async () => questionnaires())

/** Each recorded instrument response with its item answers. */
export const questionnaireResponseSource: ResourceSource = {
  type: 'QuestionnaireResponse',
  permission: 'clinical:read',
  params: ['_id', '_lastUpdated', 'patient', 'subject', 'status'],
  includes: [],
  paramDocs: { status: 'completed, or entered-in-error for responses marked in error.' },
  read: readRow('instrument_response', toQuestionnaireResponse),
  search: async (scope, request) => {
    const conditions = commonConditions(request, {
      id: sql.ref('id'),
      lastUpdated: appendOnlyLastUpdated,
      patient: sql.ref('patient_id'),
    })
    if (request.statuses) conditions.push(markedStatusIn(request.statuses, 'completed'))
    return (await clinicPage(scope, 'instrument_response', conditions, request.count)).map(
      toQuestionnaireResponse,
    )
  },
}
