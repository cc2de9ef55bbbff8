import type { Coding, Observation } from '@medplum/fhirtypes'
import { type Selectable, sql } from 'kysely'
import type { Database } from '../../../db'
import { observationCategory } from '../code-systems'
import {
  instrumentIds,
  instrumentObservation,
  instrumentTotalCodings,
} from '../resources/observation-instrument'
import {
  type BodyKind,
  bodyKinds,
  bodyObservations,
  bodyParts,
  type PagePart,
  type VitalKind,
  vitalKinds,
  vitalObservations,
  vitalParts,
} from '../resources/observation-vitals'
import { matchesToken, type SearchRequest } from '../search-params'
import {
  allOf,
  anyOf,
  appendOnlyLastUpdated,
  type Condition,
  isUuid,
  keysetPage,
  markedStatusIn,
  textIn,
} from '../sql-filters'
import { mergePage, rowConditions, rowIdOf, rowsPerPart, suffixOf } from './row-parts'
import { clinicRow, clinicRows, type ResourceSource, type SourceScope } from './source'

// Observations come from three tables: a vital-sign row holds up to five (blood pressure, heart
// rate, MOAA/S, respiratory rate, SpO2), a body measurement weight and height, an instrument
// response its total. An Observation's id is its row's id and a suffix (`<row id>-hr`), so id order
// is row order, and a page is merged from each table's next rows in id order (row-parts.ts). A row
// is selected only if it holds a wanted kind, so each fetched row yields at least one Observation.

/** Whether a kind is wanted by the search's `code` and `category`. */
function isWanted(kind: { category: string; codings: readonly Coding[] }, request: SearchRequest): boolean {
  if (request.codes && !request.codes.some((t) => matchesToken(kind.codings, t))) return false
  const category = { system: observationCategory, code: kind.category }
  return !request.categories || request.categories.some((t) => matchesToken([category], t))
}

const wantedKeys = <K extends string>(
  kinds: Record<K, { category: string; codings: readonly Coding[] }>,
  request: SearchRequest,
) => (Object.keys(kinds) as K[]).filter((k) => isWanted(kinds[k], request))

const vitalPresent: Record<VitalKind, Condition> = {
  bp: sql`(systolic_mmhg IS NOT NULL OR diastolic_mmhg IS NOT NULL)`,
  hr: sql`heart_rate_bpm IS NOT NULL`,
  moaas: sql`moaas IS NOT NULL`,
  rr: sql`respiratory_rate IS NOT NULL`,
  spo2: sql`spo2_percent IS NOT NULL`,
}
const bodyPresent: Record<BodyKind, Condition> = { weight: sql`true`, height: sql`height_cm IS NOT NULL` }

/** The conditions every table shares: patient, date, status, _id, _lastUpdated and the cursor. */
function sharedConditions(request: SearchRequest, dateColumn: string): Condition[] {
  const conditions = rowConditions(request, {
    id: sql.ref('id'),
    lastUpdated: appendOnlyLastUpdated,
    patient: sql.ref('patient_id'),
    date: sql.ref(dateColumn),
  })
  if (request.statuses) conditions.push(markedStatusIn(request.statuses, 'final'))
  return conditions
}

/** A measurement table's rows holding a wanted kind, each as its wanted kinds' Observations (unbuilt). */
async function searchMeasures<T extends 'vital_sign' | 'body_measurement', K extends string>(
  scope: SourceScope,
  request: SearchRequest,
  rows: number,
  table: T,
  kinds: Record<K, { category: string; codings: readonly Coding[] }>,
  present: Record<K, Condition>,
  toParts: (row: Selectable<Database[T]>, kinds: K[]) => PagePart[],
): Promise<PagePart[]> {
  const wanted = wantedKeys(kinds, request)
  if (wanted.length === 0) return []
  const conditions = [...sharedConditions(request, 'measured_at'), anyOf(wanted.map((k) => present[k]))]
  const found = await clinicRows(scope, table, allOf(conditions), rows)
  return found.flatMap((row) => toParts(row, wanted))
}

async function searchInstruments(
  { tx, clinicId }: SourceScope,
  request: SearchRequest,
  rows: number,
): Promise<PagePart[]> {
  const ids = instrumentIds().filter((id) =>
    isWanted({ category: 'survey', codings: instrumentTotalCodings(id) }, request),
  )
  if (ids.length === 0) return []
  const query = tx.selectFrom('instrument_response').selectAll().where('clinic_id', '=', clinicId)
  const instruments = textIn(sql.ref('instrument_id'), ids)
  const found = await keysetPage(query, [...sharedConditions(request, 'administered_at'), instruments], rows)
  return found.map((row) => ({ id: `${row.id}-total`, make: () => instrumentObservation(row) }))
}

async function search(scope: SourceScope, request: SearchRequest): Promise<Observation[]> {
  if (request.cursor !== undefined && !isUuid(rowIdOf(request.cursor))) return []
  const rows = rowsPerPart(request)
  // One after another: the three queries share the transaction's one connection.
  const vitals = await searchMeasures(
    scope,
    request,
    rows,
    'vital_sign',
    vitalKinds,
    vitalPresent,
    vitalParts,
  )
  const body = await searchMeasures(
    scope,
    request,
    rows,
    'body_measurement',
    bodyKinds,
    bodyPresent,
    bodyParts,
  )
  const totals = await searchInstruments(scope, request, rows)
  // A row holds up to five Observations: only those the page keeps are built.
  return mergePage(request, [...vitals, ...body, ...totals]).map((part) => part.make())
}

async function read(scope: SourceScope, id: string): Promise<Observation | undefined> {
  const rowId = rowIdOf(id)
  const suffix = suffixOf(id)
  if (suffix === undefined) return undefined
  if (Object.hasOwn(vitalKinds, suffix)) {
    const row = await clinicRow(scope, 'vital_sign', rowId)
    return row && vitalObservations(row, [suffix as VitalKind])[0]
  }
  if (Object.hasOwn(bodyKinds, suffix)) {
    const row = await clinicRow(scope, 'body_measurement', rowId)
    return row && bodyObservations(row, [suffix as BodyKind])[0]
  }
  if (suffix !== 'total') return undefined
  const row = await clinicRow(scope, 'instrument_response', rowId)
  return row && instrumentObservation(row)
}

/** Vital signs, body measurements and instrument totals as Observations. */
export const observationSource: ResourceSource = {
  type: 'Observation',
  permission: 'clinical:read',
  params: ['_id', '_lastUpdated', 'patient', 'subject', 'date', 'code', 'status', 'category'],
  includes: ['Observation:patient', 'Observation:subject'],
  paramDocs: {
    code: 'LOINC (vital signs, PHQ-9 and GAD-7 totals) or https://ketacare.org/fhir/CodeSystem/instrument-total.',
    category: 'vital-signs, exam (MOAA/S) or survey (instrument totals).',
    status: 'final, or entered-in-error for records marked in error.',
  },
  read,
  search,
}
