import { type RawBuilder, sql } from 'kysely'
import { CONTRAINDICATION_QUESTIONS } from '../../../domain/eligibility'
import type { ClinicScope } from '../../clinic-scope'
import { deriveStage, type PatientStage } from '../chart/stage'
import { stageFactsSql } from '../patients/store'
import { bookedInOrCarriedOver } from '../sessions/store'

// Queries more than one role's sections read.

/** The columns `patientItem` names a patient by, from a query that calls the patient `p`. */
export const namedPatientColumns = ['p.given_name', 'p.family_name', 'p.mrn'] as const

/**
 * Sessions booked between two instants that have not ended, with patient and chair, and those
 * booked earlier whose patient is still at the chair (a session past the clinic's midnight).
 */
export function openSessionsBetween(scope: ClinicScope, from: Date, to: Date) {
  return scope.tx
    .selectFrom('treatment_session as s')
    .innerJoin('patient as p', 'p.id', 's.patient_id')
    .leftJoin('chair as c', 'c.id', 's.chair_id')
    .select([
      ...namedPatientColumns,
      's.id',
      's.patient_id',
      's.state',
      's.route',
      's.session_number',
      's.scheduled_at',
      's.updated_at',
      'c.name as chair_name',
    ])
    .where('s.clinic_id', '=', scope.clinicId)
    .where((eb) => bookedInOrCarriedOver(eb, from, to, true))
    .where('s.state', 'not in', ['discharged', 'cancelled', 'aborted'])
    .orderBy('s.scheduled_at')
    .execute()
}

/** The clinic's patients at one stage of the chart, among those `narrowedBy` lets through. */
export async function patientsAtStage(
  scope: ClinicScope,
  stage: PatientStage,
  narrowedBy: RawBuilder<boolean>,
) {
  const rows = await scope.tx
    .selectFrom('patient')
    .select(['id', 'given_name', 'family_name', 'mrn', 'updated_at'])
    .select(stageFactsSql(CONTRAINDICATION_QUESTIONS.length))
    .where('clinic_id', '=', scope.clinicId)
    .where(narrowedBy)
    .execute()
  return rows.filter(
    (p) =>
      deriveStage({
        latestDecision: p.latest_decision as 'approve' | 'decline' | 'defer' | null,
        hasApprovedPlan: p.has_approved_plan,
        hasCurrentConsent: p.has_current_consent,
        isAssessmentComplete: p.is_assessment_complete,
      }) === stage,
  )
}

/** Patients with no eligibility decision signed yet. */
export const withoutDecision = sql<boolean>`NOT EXISTS (SELECT 1 FROM eligibility_decision d WHERE d.patient_id = patient.id)`

/** Patients with no session booked, other than cancelled ones. */
export const withoutSession = sql<boolean>`NOT EXISTS (SELECT 1 FROM treatment_session s WHERE s.patient_id = patient.id
      AND s.state NOT IN ('cancelled'))`
