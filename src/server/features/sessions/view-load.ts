import { loadClinicSettings } from '../../clinic-settings'
import type { Tx } from '../../context'
import { AppError } from '../../errors'
import { loadConsents } from '../consent/service'
import { loadSessionCautions } from './cautions'
import * as store from './store'

// The queries of the session view: everything view.ts shapes, read in one go.

const noUser = '00000000-0000-0000-0000-000000000000'

/** Promise.all over an object: its promises run together and come back under their names. */
async function allByName<T extends Record<string, unknown>>(
  promises: T,
): Promise<{ [K in keyof T]: Awaited<T[K]> }> {
  const entries = await Promise.all(
    Object.entries(promises).map(async ([name, p]) => [name, await p] as const),
  )
  return Object.fromEntries(entries) as { [K in keyof T]: Awaited<T[K]> }
}

export async function loadSessionRecord(tx: Tx, clinicId: string, sessionId: string) {
  const session = await store.findSession(tx, clinicId, sessionId)
  if (!session) throw new AppError('not-found', 'No such session in this clinic.')
  const staffIds = [
    session.supervising_prescriber_id,
    session.primary_nurse_id,
    session.dose_checked_by,
    session.discharge_signed_by,
  ].filter((x): x is string => x !== null)
  const { chair, priorPhq9, ...records } = await allByName({
    patient: tx
      .selectFrom('patient')
      .innerJoin('clinic', 'clinic.id', 'patient.clinic_id')
      .selectAll('patient')
      // A patient's age is counted on the clinic's calendar (src/domain/time).
      .select('clinic.time_zone as clinic_time_zone')
      .where('patient.id', '=', session.patient_id)
      .executeTakeFirstOrThrow(),
    plan: tx
      .selectFrom('treatment_plan')
      .selectAll()
      .where('id', '=', session.plan_id)
      .executeTakeFirstOrThrow(),
    chair: session.chair_id
      ? tx.selectFrom('chair').select(['id', 'name']).where('id', '=', session.chair_id).executeTakeFirst()
      : undefined,
    events: store.listEvents(tx, clinicId, sessionId),
    vitals: store.listSessionVitals(tx, clinicId, sessionId),
    responses: store.listSessionResponses(tx, clinicId, sessionId),
    sideEffects: store.listSideEffects(tx, clinicId, sessionId),
    consents: loadConsents(tx, clinicId, session.patient_id),
    people: tx
      .selectFrom('app_user')
      .select(['id', 'display_name'])
      .where('id', 'in', staffIds.concat([noUser]))
      .execute(),
    priorPhq9: tx
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
    suicideAlerts: tx
      .selectFrom('safety_alert')
      .selectAll()
      .where('clinic_id', '=', clinicId)
      .where('patient_id', '=', session.patient_id)
      .where('kind', '=', 'suicide-risk')
      .where('acknowledged_at', 'is', null)
      .orderBy('raised_at', 'desc')
      .execute(),
  })
  const live = records.events.filter((e) => !e.entered_in_error_at)
  const [settings, cautions] = await Promise.all([
    // The clinic's thresholds (⚠️ settings, clinical-reference §2/§3), not the built-in defaults.
    loadClinicSettings(tx, clinicId),
    loadSessionCautions(tx, clinicId, session.patient_id, live),
  ])
  return {
    session,
    ...records,
    chair: chair ?? null,
    lastPhq9At: priorPhq9?.administered_at ?? null,
    settings,
    cautions,
  }
}

export type SessionRecord = Awaited<ReturnType<typeof loadSessionRecord>>
