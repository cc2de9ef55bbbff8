import { loadClinicSettings } from '../../clinic-settings'
import type { Tx } from '../../context'
import { AppError } from '../../errors'
import { loadConsents } from '../consent/service'
import { loadSessionCautions } from './cautions'
import * as store from './store'

// The queries of the session view: everything view.ts shapes, read in one go.

const noUser = '00000000-0000-0000-0000-000000000000'

export async function loadSessionRecord(tx: Tx, clinicId: string, sessionId: string) {
  const session = await store.findSession(tx, clinicId, sessionId)
  if (!session) throw new AppError('not-found', 'No such session in this clinic.')
  const staffIds = [
    session.supervising_prescriber_id,
    session.primary_nurse_id,
    session.dose_checked_by,
    session.discharge_signed_by,
  ].filter((x): x is string => x !== null)
  const [
    patient,
    plan,
    chair,
    events,
    vitals,
    responses,
    sideEffects,
    consents,
    people,
    priorPhq9,
    suicideAlerts,
  ] = await Promise.all([
    tx
      .selectFrom('patient')
      .innerJoin('clinic', 'clinic.id', 'patient.clinic_id')
      .selectAll('patient')
      // A patient's age is counted on the clinic's calendar (src/domain/time).
      .select('clinic.time_zone as clinic_time_zone')
      .where('patient.id', '=', session.patient_id)
      .executeTakeFirstOrThrow(),
    tx.selectFrom('treatment_plan').selectAll().where('id', '=', session.plan_id).executeTakeFirstOrThrow(),
    session.chair_id
      ? tx.selectFrom('chair').select(['id', 'name']).where('id', '=', session.chair_id).executeTakeFirst()
      : undefined,
    store.listEvents(tx, clinicId, sessionId),
    store.listSessionVitals(tx, clinicId, sessionId),
    store.listSessionResponses(tx, clinicId, sessionId),
    store.listSideEffects(tx, clinicId, sessionId),
    loadConsents(tx, clinicId, session.patient_id),
    tx
      .selectFrom('app_user')
      .select(['id', 'display_name'])
      .where('id', 'in', staffIds.concat([noUser]))
      .execute(),
    tx
      .selectFrom('instrument_response')
      .select('administered_at')
      .where('clinic_id', '=', clinicId)
      .where('patient_id', '=', session.patient_id)
      .where('instrument_id', '=', 'phq9')
      .where('entered_in_error_at', 'is', null)
      .orderBy('administered_at', 'desc')
      .limit(1)
      .executeTakeFirst(),
    // Any open suicidal-ideation alert of the patient, from any instrument or the portal, holds
    // discharge until a clinician acknowledges it (clinical-reference §4).
    tx
      .selectFrom('safety_alert')
      .selectAll()
      .where('clinic_id', '=', clinicId)
      .where('patient_id', '=', session.patient_id)
      .where('kind', '=', 'suicide-risk')
      .where('acknowledged_at', 'is', null)
      .orderBy('raised_at', 'desc')
      .execute(),
  ])
  const live = events.filter((e) => !e.entered_in_error_at)
  const [settings, cautions] = await Promise.all([
    // The clinic's thresholds (⚠️ settings, clinical-reference §2/§3), not the built-in defaults.
    loadClinicSettings(tx, clinicId),
    loadSessionCautions(tx, clinicId, session.patient_id, live),
  ])
  return {
    session,
    patient,
    plan,
    chair: chair ?? null,
    events,
    vitals,
    responses,
    sideEffects,
    consents,
    people,
    lastPhq9At: priorPhq9?.administered_at ?? null,
    suicideAlerts,
    settings,
    cautions,
  }
}

export type SessionRecord = Awaited<ReturnType<typeof loadSessionRecord>>
