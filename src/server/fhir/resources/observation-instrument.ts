import type { Coding, Observation } from '@medplum/fhirtypes'
import type { Selectable } from 'kysely'
import type { InstrumentResponseTable } from '../../../db'
import { instruments } from '../../../domain/instruments'
import { instrumentSystem, loinc, observationCategory } from '../code-systems'
import { appendOnlyMeta, ref } from './meta'

export type InstrumentRow = Selectable<InstrumentResponseTable>

// An instrument's total: LOINC where clinical-reference §4 gives one (PHQ-9 44261-6, GAD-7 70274-6),
// and always KetaCare's instrument code, so every total is found by one system.

const byId = new Map(instruments.map((i) => [i.id, i]))

/** The codings of an instrument's total: its LOINC total (if any) and the KetaCare code. */
export function instrumentTotalCodings(instrumentId: string): Coding[] {
  const instrument = byId.get(instrumentId)
  const name = instrument?.name ?? instrumentId
  const codings: Coding[] = []
  if (instrument?.loinc?.total)
    codings.push({ system: loinc, code: instrument.loinc.total, display: `${name} total score` })
  codings.push({ system: instrumentSystem, code: instrumentId, display: `${name} total score` })
  return codings
}

export const instrumentIds = (): string[] => [...byId.keys()]

/** A scored instrument's total as a survey Observation. */
export function instrumentObservation(row: InstrumentRow): Observation {
  const name = byId.get(row.instrument_id)?.name ?? row.instrument_id
  return {
    resourceType: 'Observation',
    id: `${row.id}-total`,
    meta: appendOnlyMeta(row),
    status: row.entered_in_error_at ? 'entered-in-error' : 'final',
    category: [
      { coding: [{ system: observationCategory, code: 'survey', display: 'Survey' }], text: 'Survey' },
    ],
    code: { coding: instrumentTotalCodings(row.instrument_id), text: `${name} total score` },
    subject: ref('Patient', row.patient_id),
    ...(row.session_id ? { encounter: ref('Encounter', row.session_id) } : {}),
    effectiveDateTime: row.administered_at.toISOString(),
    issued: row.created_at.toISOString(),
    ...(row.recorded_by ? { performer: [ref('Practitioner', row.recorded_by)] } : {}),
    derivedFrom: [ref('QuestionnaireResponse', row.id)],
    valueQuantity: {
      value: Number(row.total),
      unit: '{score}',
      system: 'http://unitsofmeasure.org',
      code: '{score}',
    },
    ...(row.band_label ? { interpretation: [{ text: row.band_label }] } : {}),
    ...(row.error_reason ? { note: [{ text: `Entered in error: ${row.error_reason}` }] } : {}),
  }
}
