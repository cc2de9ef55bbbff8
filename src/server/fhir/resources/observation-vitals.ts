import type { CodeableConcept, Coding, Observation, Quantity } from '@medplum/fhirtypes'
import type { Selectable } from 'kysely'
import type { BodyMeasurementTable, VitalSignTable } from '../../../db'
import { loinc, observationCategory, sedationSystem, ucum } from '../code-systems'
import { appendOnlyMeta, ref } from './meta'

// US Core vital signs (and the FHIR R4 vital-signs profile): category vital-signs, the LOINC code of
// the measure, UCUM units; blood pressure is one panel 85354-9 with systolic 8480-6 and diastolic
// 8462-4 components; SpO2 carries both 2708-6 and the pulse-oximetry 59408-5.

export type VitalRow = Selectable<VitalSignTable>
export type BodyRow = Selectable<BodyMeasurementTable>

const vitalSignsCategory: CodeableConcept[] = [
  {
    coding: [{ system: observationCategory, code: 'vital-signs', display: 'Vital Signs' }],
    text: 'Vital Signs',
  },
]
const examCategory: CodeableConcept[] = [
  { coding: [{ system: observationCategory, code: 'exam', display: 'Exam' }], text: 'Exam' },
]

const coding = (code: string, display: string): Coding => ({ system: loinc, code, display })
const quantity = (value: number, unit: string, code: string): Quantity => ({
  value,
  unit,
  system: ucum,
  code,
})
const mmHg = (value: number) => quantity(value, 'mmHg', 'mm[Hg]')

/** The Observation kinds a vital-sign row holds, each with its id suffix and codes. */
export const vitalKinds = {
  bp: {
    category: 'vital-signs',
    codings: [coding('85354-9', 'Blood pressure panel with all children optional')],
  },
  hr: { category: 'vital-signs', codings: [coding('8867-4', 'Heart rate')] },
  spo2: {
    category: 'vital-signs',
    codings: [
      coding('2708-6', 'Oxygen saturation in Arterial blood'),
      coding('59408-5', 'Oxygen saturation in Arterial blood by Pulse oximetry'),
    ],
  },
  rr: { category: 'vital-signs', codings: [coding('9279-1', 'Respiratory rate')] },
  moaas: {
    category: 'exam',
    codings: [
      {
        system: sedationSystem,
        code: 'moaas',
        display: 'Modified Observer’s Assessment of Alertness/Sedation',
      },
    ],
  },
} as const
export type VitalKind = keyof typeof vitalKinds

export const bodyKinds = {
  weight: { category: 'vital-signs', codings: [coding('29463-7', 'Body weight')] },
  height: { category: 'vital-signs', codings: [coding('8302-2', 'Body height')] },
} as const
export type BodyKind = keyof typeof bodyKinds

type Base = Omit<Observation, 'code' | 'category'>

function base(row: VitalRow | BodyRow, suffix: string): Base {
  return {
    resourceType: 'Observation',
    id: `${row.id}-${suffix}`,
    meta: appendOnlyMeta(row),
    status: row.entered_in_error_at ? 'entered-in-error' : 'final',
    subject: ref('Patient', row.patient_id),
    ...('session_id' in row && row.session_id ? { encounter: ref('Encounter', row.session_id) } : {}),
    effectiveDateTime: row.measured_at.toISOString(),
    ...(row.recorded_by ? { performer: [ref('Practitioner', row.recorded_by)] } : {}),
  }
}

function coded(kind: { category: string; codings: readonly Coding[] }, text: string) {
  return {
    category: kind.category === 'exam' ? examCategory : vitalSignsCategory,
    code: { coding: [...kind.codings], text },
  }
}

const kindsByName = { ...vitalKinds, ...bodyKinds }

/** An Observation of one measured quantity. */
function measured(
  row: VitalRow | BodyRow,
  kind: VitalKind | BodyKind,
  text: string,
  valueQuantity: Quantity,
): Observation {
  return { ...base(row, kind), ...coded(kindsByName[kind], text), valueQuantity }
}

/** The Observations of one vital-sign row, in id order, of the kinds asked for. */
export function vitalObservations(row: VitalRow, kinds: readonly VitalKind[]): Observation[] {
  const out: Observation[] = []
  const want = (kind: VitalKind) => kinds.includes(kind)
  if (want('bp') && (row.systolic_mmhg !== null || row.diastolic_mmhg !== null)) {
    const component: Observation['component'] = []
    if (row.systolic_mmhg !== null)
      component.push({
        code: { coding: [coding('8480-6', 'Systolic blood pressure')] },
        valueQuantity: mmHg(row.systolic_mmhg),
      })
    if (row.diastolic_mmhg !== null)
      component.push({
        code: { coding: [coding('8462-4', 'Diastolic blood pressure')] },
        valueQuantity: mmHg(row.diastolic_mmhg),
      })
    out.push({ ...base(row, 'bp'), ...coded(vitalKinds.bp, 'Blood pressure'), component })
  }
  if (want('hr') && row.heart_rate_bpm !== null)
    out.push(measured(row, 'hr', 'Heart rate', quantity(row.heart_rate_bpm, 'beats/minute', '/min')))
  if (want('moaas') && row.moaas !== null)
    out.push({ ...base(row, 'moaas'), ...coded(vitalKinds.moaas, 'MOAA/S'), valueInteger: row.moaas })
  if (want('rr') && row.respiratory_rate !== null)
    out.push(
      measured(row, 'rr', 'Respiratory rate', quantity(row.respiratory_rate, 'breaths/minute', '/min')),
    )
  if (want('spo2') && row.spo2_percent !== null)
    out.push(measured(row, 'spo2', 'Oxygen saturation', quantity(row.spo2_percent, '%', '%')))
  return out
}

/** The Observations of one body measurement: weight, and height when it was measured. */
export function bodyObservations(row: BodyRow, kinds: readonly BodyKind[]): Observation[] {
  const out: Observation[] = []
  if (kinds.includes('height') && row.height_cm !== null)
    out.push(measured(row, 'height', 'Body height', quantity(Number(row.height_cm), 'cm', 'cm')))
  if (kinds.includes('weight'))
    out.push(measured(row, 'weight', 'Body weight', quantity(Number(row.weight_kg), 'kg', 'kg')))
  return out
}

/** One Observation of a page, built only if the page keeps it (rows hold up to five each). */
export interface PagePart {
  id: string
  make: () => Observation
}

const vitalHeld: Record<VitalKind, (row: VitalRow) => boolean> = {
  bp: (row) => row.systolic_mmhg !== null || row.diastolic_mmhg !== null,
  hr: (row) => row.heart_rate_bpm !== null,
  moaas: (row) => row.moaas !== null,
  rr: (row) => row.respiratory_rate !== null,
  spo2: (row) => row.spo2_percent !== null,
}

/** The Observations a vital-sign row holds of the kinds asked for, each built on demand. */
export function vitalParts(row: VitalRow, kinds: readonly VitalKind[]): PagePart[] {
  return kinds
    .filter((kind) => vitalHeld[kind](row))
    .map((kind) => ({ id: `${row.id}-${kind}`, make: () => vitalObservations(row, [kind])[0]! }))
}

/** The Observations a body measurement holds of the kinds asked for, each built on demand. */
export function bodyParts(row: BodyRow, kinds: readonly BodyKind[]): PagePart[] {
  return kinds
    .filter((kind) => kind === 'weight' || row.height_cm !== null)
    .map((kind) => ({ id: `${row.id}-${kind}`, make: () => bodyObservations(row, [kind])[0]! }))
}
