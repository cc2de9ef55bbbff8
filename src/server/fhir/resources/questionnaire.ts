import type {
  Questionnaire,
  QuestionnaireItem,
  QuestionnaireResponse,
  QuestionnaireResponseItem,
} from '@medplum/fhirtypes'
import { instruments } from '../../../domain/instruments'
import type { Instrument, InstrumentItem } from '../../../domain/instruments/types'
import { ketacareBase, loinc } from '../code-systems'
import { appendOnlyMeta, ref } from './meta'
import type { InstrumentRow } from './observation-instrument'

// One Questionnaire per instrument of clinical-reference §4 (its items in our own wording, the
// LOINC panel and item codes where §4 gives them), and each recorded response as a
// QuestionnaireResponse answering it. Answer codes are the scored values.

const canonicalOf = (instrumentId: string) => `${ketacareBase}/Questionnaire/${instrumentId}`
const isYesNo = (item: InstrumentItem) => item.options.every((o) => typeof o.value === 'boolean')

/** The code system of an instrument's answer values. */
const answerSystemOf = (instrumentId: string) => `${ketacareBase}/CodeSystem/${instrumentId}-answer`

function questionOf(instrument: Instrument, item: InstrumentItem): QuestionnaireItem {
  return {
    linkId: item.id,
    text: item.label,
    ...(item.loinc ? { code: [{ system: loinc, code: item.loinc }] } : {}),
    ...(isYesNo(item)
      ? { type: 'boolean' }
      : {
          type: 'choice',
          answerOption: item.options.map((o) => ({
            valueCoding: { system: answerSystemOf(instrument.id), code: String(o.value), display: o.label },
          })),
        }),
  }
}

/** An instrument as a Questionnaire; its id is the instrument id (`phq9`, `qids-sr16`, …). */
export function toQuestionnaire(instrument: Instrument): Questionnaire {
  return {
    resourceType: 'Questionnaire',
    id: instrument.id,
    meta: { versionId: '1' },
    url: canonicalOf(instrument.id),
    name: instrument.id.replaceAll('-', '_').toUpperCase(),
    title: instrument.name,
    status: 'active',
    subjectType: ['Patient'],
    ...(instrument.loinc?.panel ? { code: [{ system: loinc, code: instrument.loinc.panel }] } : {}),
    item: instrument.items.map((item) => questionOf(instrument, item)),
  }
}

export const questionnaires = (): Questionnaire[] => instruments.map(toQuestionnaire)

const byId = new Map(instruments.map((i) => [i.id, i]))

/** A recorded response: each answered item in the instrument's order; unanswered items left out. */
export function toQuestionnaireResponse(row: InstrumentRow): QuestionnaireResponse {
  const instrument = byId.get(row.instrument_id)
  const items = instrument?.items ?? Object.keys(row.answers).map((id) => ({ id, label: id, options: [] }))
  const item: QuestionnaireResponseItem[] = items.flatMap((question) => {
    const value = row.answers[question.id]
    if (value === null || value === undefined) return []
    const label = question.options.find((o) => o.value === value)?.label
    const answer =
      typeof value === 'boolean'
        ? { valueBoolean: value }
        : {
            valueCoding: {
              system: answerSystemOf(row.instrument_id),
              code: String(value),
              ...(label ? { display: label } : {}),
            },
          }
    return [{ linkId: question.id, text: question.label, answer: [answer] }]
  })
  const actor =
    row.respondent === 'patient'
      ? ref('Patient', row.patient_id)
      : row.recorded_by && ref('Practitioner', row.recorded_by)
  return {
    resourceType: 'QuestionnaireResponse',
    id: row.id,
    meta: appendOnlyMeta(row),
    questionnaire: canonicalOf(row.instrument_id),
    status: row.entered_in_error_at ? 'entered-in-error' : 'completed',
    subject: ref('Patient', row.patient_id),
    ...(row.session_id ? { encounter: ref('Encounter', row.session_id) } : {}),
    authored: row.administered_at.toISOString(),
    ...(row.recorded_by ? { author: ref('Practitioner', row.recorded_by) } : {}),
    ...(actor ? { source: actor } : {}),
    ...(item.length > 0 ? { item } : {}),
  }
}
