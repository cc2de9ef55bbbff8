import type { CarePlan, CarePlanActivityDetail, CodeableConcept, Quantity } from '@medplum/fhirtypes'
import type { Selectable } from 'kysely'
import type { PlanStatus, TreatmentPlanTable } from '../../../db'
import { builtInProtocols } from '../../../domain/dosing'
import { rxnorm, ucum } from '../code-systems'
import { ref, versionedMeta } from './meta'

export type PlanRow = Selectable<TreatmentPlanTable>

type CarePlanStatus = CarePlan['status']

// A superseded plan was replaced by a newer one and a cancelled plan was stopped: both ended
// before completion, R4's "revoked".
export const carePlanStatusOf: Record<PlanStatus, CarePlanStatus> = {
  draft: 'draft',
  approved: 'active',
  superseded: 'revoked',
  cancelled: 'revoked',
}

const activityStatusOf: Record<PlanStatus, CarePlanActivityDetail['status']> = {
  draft: 'not-started',
  approved: 'in-progress',
  superseded: 'stopped',
  cancelled: 'cancelled',
}

const ketamine: CodeableConcept = {
  coding: [{ system: rxnorm, code: '6130', display: 'ketamine' }],
  text: 'Racemic ketamine (IV infusion)',
}
const esketamine: CodeableConcept = {
  coding: [{ system: rxnorm, code: '2201623', display: 'esketamine Nasal Spray' }],
  text: 'Esketamine nasal spray',
}

/** When the plan last changed: its approval, else its creation (the table keeps no update time). */
export const planChangedAt = (row: Pick<PlanRow, 'created_at' | 'approved_at'>) =>
  row.approved_at && row.approved_at > row.created_at ? row.approved_at : row.created_at

/** The planned dose per session: mg/kg for an IV plan, mg for a fixed (esketamine) dose. */
function doseOf(row: PlanRow): Quantity | undefined {
  if (row.dose_mg_per_kg !== null)
    return { value: Number(row.dose_mg_per_kg), unit: 'mg/kg', system: ucum, code: 'mg/kg' }
  if (row.dose_mg !== null) return { value: Number(row.dose_mg), unit: 'mg', system: ucum, code: 'mg' }
  return undefined
}

/** The treatment plan as a CarePlan with one activity: the drug, dose per session and schedule. */
export function toCarePlan(row: PlanRow): CarePlan {
  const protocol = builtInProtocols.find((p) => p.id === row.protocol_id)
  const isEsketamine = protocol ? protocol.drug === 'esketamine' : row.dose_mg_per_kg === null
  const dose = doseOf(row)
  const authorId = row.approved_by ?? row.created_by
  const author = authorId
    ? ref('Practitioner', authorId, row.approver_name ?? undefined)
    : row.approver_name
      ? { display: row.approver_name }
      : undefined
  return {
    resourceType: 'CarePlan',
    id: row.id,
    meta: versionedMeta(row.version, planChangedAt(row)),
    status: carePlanStatusOf[row.status],
    intent: 'plan',
    title: protocol?.name ?? row.protocol_id,
    ...(row.note ? { description: row.note } : {}),
    subject: ref('Patient', row.patient_id),
    period: { start: (row.approved_at ?? row.created_at).toISOString() },
    created: row.created_at.toISOString(),
    ...(author ? { author } : {}),
    activity: [
      {
        detail: {
          kind: 'MedicationRequest',
          status: activityStatusOf[row.status],
          productCodeableConcept: isEsketamine ? esketamine : ketamine,
          ...(dose ? { quantity: dose } : {}),
          scheduledString: `${row.planned_sessions} sessions, ${row.cadence}`,
          description: `Dose basis: ${row.dose_basis} weight${
            row.max_dose_mg_per_kg === null ? '' : `; at most ${row.max_dose_mg_per_kg} mg/kg`
          }`,
        },
      },
    ],
  }
}
