import type { ExpressionBuilder, Selectable } from 'kysely'
import type { z } from 'zod'
import type { vitalsBody } from '../../../contract/sessions'
import type { TreatmentSessionTable, VitalContext } from '../../../db'
import { atTheChair } from '../../../domain/session/action-states'
import type { Tx } from '../../context'

export type SessionRow = Selectable<TreatmentSessionTable>

/** The measures of one reading, as the API takes them (`vitalsBody`); each may be left out. */
export type VitalMeasures = Partial<
  Pick<
    z.input<typeof vitalsBody>,
    'systolicMmHg' | 'diastolicMmHg' | 'heartRateBpm' | 'spo2Percent' | 'respiratoryRate' | 'moaas'
  >
>

/** Booked in [from, to), or (when `withCarriedOver`) booked earlier with the patient still at the chair. */
export function bookedInOrCarriedOver(
  eb: ExpressionBuilder<{ s: TreatmentSessionTable }, 's'>,
  from: Date,
  to: Date,
  withCarriedOver: boolean,
) {
  const booked = eb.and([eb('s.scheduled_at', '>=', from), eb('s.scheduled_at', '<', to)])
  if (!withCarriedOver) return booked
  return eb.or([booked, eb.and([eb('s.scheduled_at', '<', from), eb('s.state', 'in', [...atTheChair])])])
}

export function findSession(tx: Tx, clinicId: string, sessionId: string) {
  return tx
    .selectFrom('treatment_session')
    .selectAll()
    .where('clinic_id', '=', clinicId)
    .where('id', '=', sessionId)
    .executeTakeFirst()
}

/**
 * Sessions booked in [from, to); with `withCarriedOver`, also those booked earlier whose patient is
 * still at the chair (a session that runs past the clinic's midnight must not leave the board).
 */
export function listSessionsBetween(
  tx: Tx,
  clinicId: string,
  fromMs: number,
  toMs: number,
  withCarriedOver = false,
) {
  return tx
    .selectFrom('treatment_session as s')
    .innerJoin('patient as p', 'p.id', 's.patient_id')
    .leftJoin('chair as c', 'c.id', 's.chair_id')
    .leftJoin('app_user as sp', 'sp.id', 's.supervising_prescriber_id')
    .leftJoin('app_user as nu', 'nu.id', 's.primary_nurse_id')
    .selectAll('s')
    .select([
      'p.given_name',
      'p.family_name',
      'p.mrn',
      'c.name as chair_name',
      'sp.display_name as prescriber_name',
      'nu.display_name as nurse_name',
    ])
    .where('s.clinic_id', '=', clinicId)
    .where((eb) => bookedInOrCarriedOver(eb, new Date(fromMs), new Date(toMs), withCarriedOver))
    .orderBy('s.scheduled_at')
    .execute()
}

export function listPatientSessions(tx: Tx, clinicId: string, patientId: string) {
  return tx
    .selectFrom('treatment_session as s')
    .leftJoin('chair as c', 'c.id', 's.chair_id')
    .selectAll('s')
    .select('c.name as chair_name')
    .where('s.clinic_id', '=', clinicId)
    .where('s.patient_id', '=', patientId)
    .orderBy('s.scheduled_at')
    .execute()
}

export function listEvents(tx: Tx, clinicId: string, sessionId: string) {
  return tx
    .selectFrom('session_event as e')
    .leftJoin('app_user as u', 'u.id', 'e.recorded_by')
    .selectAll('e')
    .select('u.display_name as recorded_by_name')
    .where('e.clinic_id', '=', clinicId)
    .where('e.session_id', '=', sessionId)
    .orderBy('e.at')
    .orderBy('e.created_at')
    .execute()
}

export function listSessionVitals(tx: Tx, clinicId: string, sessionId: string) {
  return tx
    .selectFrom('vital_sign')
    .selectAll()
    .where('clinic_id', '=', clinicId)
    .where('session_id', '=', sessionId)
    .orderBy('measured_at')
    .execute()
}

export function listSessionResponses(tx: Tx, clinicId: string, sessionId: string) {
  return tx
    .selectFrom('instrument_response')
    .selectAll()
    .where('clinic_id', '=', clinicId)
    .where('session_id', '=', sessionId)
    .orderBy('administered_at')
    .execute()
}

export function listSideEffects(tx: Tx, clinicId: string, sessionId: string) {
  return tx
    .selectFrom('side_effect')
    .selectAll()
    .where('clinic_id', '=', clinicId)
    .where('session_id', '=', sessionId)
    .orderBy('onset_at')
    .execute()
}

/** The kinds of session event the monitoring alerts and the dose's start are read from. */
const alertEventKinds = ['infusion', 'device', 'alert-ack', 'alert-resolve']

/** A session's live pump marks, devices and alert acknowledgements and resolutions, oldest first. */
export function listAlertEvents(tx: Tx, clinicId: string, sessionId: string) {
  return tx
    .selectFrom('session_event as e')
    .leftJoin('app_user as u', 'u.id', 'e.recorded_by')
    .select(['e.kind', 'e.at', 'e.payload', 'u.display_name as recorded_by_name'])
    .where('e.clinic_id', '=', clinicId)
    .where('e.session_id', '=', sessionId)
    .where('e.kind', 'in', alertEventKinds)
    .where('e.entered_in_error_at', 'is', null)
    .orderBy('e.at')
    .orderBy('e.created_at')
    .execute()
}

/** One vital sign, of a session or (sessionId null) of the patient's record. */
export async function insertVitalSign(
  tx: Tx,
  row: {
    id: string
    clinicId: string
    patientId: string
    sessionId: string | null
    context: VitalContext
    measuredAt: Date
    recordedBy: string
    now: Date
  } & VitalMeasures,
): Promise<void> {
  await tx
    .insertInto('vital_sign')
    .values({
      id: row.id,
      clinic_id: row.clinicId,
      patient_id: row.patientId,
      session_id: row.sessionId,
      context: row.context,
      measured_at: row.measuredAt,
      systolic_mmhg: row.systolicMmHg ?? null,
      diastolic_mmhg: row.diastolicMmHg ?? null,
      heart_rate_bpm: row.heartRateBpm ?? null,
      spo2_percent: row.spo2Percent ?? null,
      respiratory_rate: row.respiratoryRate ?? null,
      moaas: row.moaas ?? null,
      recorded_by: row.recordedBy,
      created_at: row.now,
    })
    .execute()
}

export async function insertEvent(
  tx: Tx,
  row: {
    id: string
    clinicId: string
    sessionId: string
    kind: string
    at: Date
    payload: Record<string, unknown>
    recordedBy: string
    now: Date
  },
): Promise<void> {
  await tx
    .insertInto('session_event')
    .values({
      id: row.id,
      clinic_id: row.clinicId,
      session_id: row.sessionId,
      kind: row.kind,
      at: row.at,
      payload: JSON.stringify(row.payload),
      recorded_by: row.recordedBy,
      created_at: row.now,
    })
    .execute()
}

/** Optimistic update of the session row: 409 for the caller when someone changed it first. */
export async function updateSession(
  tx: Tx,
  clinicId: string,
  sessionId: string,
  version: number,
  changes: Partial<SessionRow>,
  now: Date,
): Promise<boolean> {
  const result = await tx
    .updateTable('treatment_session')
    .set((eb) => ({ ...changes, updated_at: now, version: eb('version', '+', 1) }))
    .where('clinic_id', '=', clinicId)
    .where('id', '=', sessionId)
    .where('version', '=', version)
    .executeTakeFirst()
  return result.numUpdatedRows > 0n
}

/** The patient's latest recorded height (cm), for ideal and adjusted body weight (§2). */
export async function latestHeightCm(tx: Tx, clinicId: string, patientId: string): Promise<number | null> {
  const row = await tx
    .selectFrom('body_measurement')
    .select('height_cm')
    .where('clinic_id', '=', clinicId)
    .where('patient_id', '=', patientId)
    .where('entered_in_error_at', 'is', null)
    .where('height_cm', 'is not', null)
    .orderBy('measured_at', 'desc')
    .limit(1)
    .executeTakeFirst()
  return row?.height_cm ? Number(row.height_cm) : null
}
