import type {
  MedicationAdministration,
  MedicationAdministrationDosage,
  MedicationAdministrationPerformer,
  Period,
  Quantity,
} from '@medplum/fhirtypes'
import type { Selectable } from 'kysely'
import type { SessionRoute, TreatmentSessionTable } from '../../../db'
import { DomainValidationError } from '../../../domain/errors'
import { type InfusionAction, type InfusionSummary, summarizeInfusion } from '../../../domain/session'
import { medAdminPerformFunction, participationType, snomed, ucum } from '../code-systems'
import { drugConcept } from './medication'
import { ref, versionedMeta } from './meta'

// A treatment session's dose as one MedicationAdministration (id = the session's id): the IV
// ketamine infusion with its rate, or the esketamine devices given. The period and the dose come from
// the chair-side record — the pump marks (start, pause, resume, stop) or the devices — and, when a
// session was written without them (finish-dosing stores dose_started_at/dose_ended_at; synthetic
// populations carry only those), from the session's columns. The status is computed in SQL
// (administration-source.ts) so that `status` searches and the resource agree.

export type AdministrationStatus = MedicationAdministration['status']

export type AdministrationRow = Pick<
  Selectable<TreatmentSessionTable>,
  | 'id'
  | 'patient_id'
  | 'route'
  | 'planned_dose_mg'
  | 'infusion_min'
  | 'supervising_prescriber_id'
  | 'primary_nurse_id'
  | 'dose_checked_by'
  | 'dose_started_at'
  | 'dose_ended_at'
  | 'updated_at'
  | 'version'
> & {
  status: AdministrationStatus
  /** How often the delivery record changed (events written plus events marked in error). */
  changes: number
  lastUpdated: Date
  /** The first delivery event, live or not: the time of a record marked entered in error. */
  firstEventAt: Date | null
}

/** One live delivery event of the session: a pump mark or a device. */
export interface DeliveryMark {
  kind: string
  at: Date
  action: string | null
}

export interface LotRef {
  id: string
}

// SNOMED CT route codes (qualifier values): 47625008 Intravenous route, 46713006 Nasal route.
const routeConcept: Record<SessionRoute, { code: string; display: string }> = {
  iv: { code: '47625008', display: 'Intravenous route' },
  intranasal: { code: '46713006', display: 'Nasal route' },
}
const drugOf = { iv: 'racemic-ketamine', intranasal: 'esketamine' } as const

// One esketamine device is 28 mg (clinical-reference §3).
const mgPerDevice = 28

const mg = (value: number): Quantity => ({ value, unit: 'mg', system: ucum, code: 'mg' })
const iso = (at: Date | number) => new Date(at).toISOString()

interface Given {
  doseMg: number | null
  isPlanned: boolean
  start: Date | number | null
  end: Date | number | null
}

/** The pump record's summary, or null when its marks no longer make a sequence (one marked in error). */
function infusionSummary(row: AdministrationRow, marks: readonly DeliveryMark[]): InfusionSummary | null {
  const plannedMg = Number(row.planned_dose_mg)
  const rate = plannedMg / Number(row.infusion_min)
  const pump = marks.filter((m) => m.kind === 'infusion')
  if (pump.length === 0 || !(rate > 0)) return null
  try {
    // Not in progress: the pump has ended, so "now" is any time after it (it completes on its own).
    const nowMs = row.status === 'in-progress' ? pump.at(-1)!.at.getTime() : Number.MAX_SAFE_INTEGER
    return summarizeInfusion(
      pump.map((m) => ({ action: m.action as InfusionAction, atMs: m.at.getTime() })),
      rate,
      plannedMg,
      nowMs,
    )
  } catch (error) {
    if (error instanceof DomainValidationError) return null
    throw error
  }
}

function givenOf(row: AdministrationRow, marks: readonly DeliveryMark[]): Given {
  const planned = row.planned_dose_mg === null ? null : Number(row.planned_dose_mg)
  const isOver = row.status !== 'in-progress'
  if (row.route === 'iv') {
    const summary = infusionSummary(row, marks)
    return {
      doseMg: isOver ? (summary?.doseGivenMg ?? planned) : planned,
      isPlanned: !isOver || !summary,
      start: row.dose_started_at ?? summary?.runs[0]?.startMs ?? marks[0]?.at ?? null,
      end: isOver ? (row.dose_ended_at ?? summary?.endedAtMs ?? marks.at(-1)?.at ?? null) : null,
    }
  }
  const devices = marks.filter((m) => m.kind === 'device')
  return {
    doseMg: devices.length > 0 ? devices.length * mgPerDevice : planned,
    isPlanned: devices.length === 0,
    start: row.dose_started_at ?? devices[0]?.at ?? null,
    end: isOver ? (row.dose_ended_at ?? devices.at(-1)?.at ?? null) : null,
  }
}

function dosageOf(row: AdministrationRow, given: Given): MedicationAdministrationDosage {
  const route = routeConcept[row.route]
  const rateMgPerMin =
    row.route === 'iv' && row.planned_dose_mg !== null && row.infusion_min !== null
      ? Math.round((Number(row.planned_dose_mg) / Number(row.infusion_min)) * 1000) / 1000
      : null
  const what = row.route === 'iv' ? 'IV ketamine infusion' : 'Intranasal esketamine'
  return {
    text: given.isPlanned ? `${what}; the dose is the planned dose` : what,
    route: { coding: [{ system: snomed, ...route }], text: route.display },
    ...(given.doseMg !== null ? { dose: mg(given.doseMg) } : {}),
    ...(rateMgPerMin !== null
      ? { rateQuantity: { value: rateMgPerMin, unit: 'mg/min', system: ucum, code: 'mg/min' } }
      : {}),
  }
}

function performersOf(row: AdministrationRow): MedicationAdministrationPerformer[] {
  const performers: MedicationAdministrationPerformer[] = []
  const add = (system: string, code: string, display: string, userId: string | null) => {
    if (userId)
      performers.push({
        function: { coding: [{ system, code, display }] },
        actor: ref('Practitioner', userId),
      })
  }
  add(medAdminPerformFunction, 'performer', 'Performer', row.primary_nurse_id)
  add(medAdminPerformFunction, 'verifier', 'Verifier', row.dose_checked_by)
  add(participationType, 'RESP', 'responsible party', row.supervising_prescriber_id)
  return performers
}

/** The session's dose; `lots` are the ledger lots it was drawn from (Medication/<lot id>). */
export function toMedicationAdministration(
  row: AdministrationRow,
  marks: readonly DeliveryMark[],
  lots: readonly LotRef[],
): MedicationAdministration {
  const given = givenOf(row, marks)
  const start = given.start ?? row.firstEventAt!
  const period: Period = { start: iso(start), ...(given.end !== null ? { end: iso(given.end) } : {}) }
  const performer = performersOf(row)
  // One lot: the Medication is that lot (with its batch). Several: the drug, and each lot alongside.
  const medication =
    lots.length === 1
      ? { medicationReference: ref('Medication', lots[0]!.id) }
      : {
          medicationCodeableConcept: drugConcept(drugOf[row.route]),
          ...(lots.length > 1 ? { supportingInformation: lots.map((l) => ref('Medication', l.id)) } : {}),
        }
  return {
    resourceType: 'MedicationAdministration',
    id: row.id,
    meta: versionedMeta(row.version + row.changes, row.lastUpdated),
    status: row.status,
    ...medication,
    subject: ref('Patient', row.patient_id),
    context: ref('Encounter', row.id),
    effectivePeriod: period,
    ...(performer.length > 0 ? { performer } : {}),
    dosage: dosageOf(row, given),
  }
}
