import type { Insertable } from 'kysely'
import type { Database } from '../../db'
import { findProtocol } from '../../domain/dosing'
import { madrs, phq9 } from '../../domain/instruments'
import { findBand } from '../../domain/instruments/define-instrument'
import type { SyntheticPatient } from '../../domain/outcomes'
import { uuidv7 } from '../ids'

// The rows of one synthetic patient, built in memory for synthetic.ts to insert per batch.

const dayMs = 86_400_000

type Rows<T extends keyof Database> = Insertable<Database[T]>[]

export interface SyntheticRows {
  patient: Rows<'patient'>
  treatment_plan: Rows<'treatment_plan'>
  consent: Rows<'consent'>
  treatment_session: Rows<'treatment_session'>
  vital_sign: Rows<'vital_sign'>
  instrument_response: Rows<'instrument_response'>
  side_effect: Rows<'side_effect'>
}

export const emptySyntheticRows = (): SyntheticRows => ({
  patient: [],
  treatment_plan: [],
  consent: [],
  treatment_session: [],
  vital_sign: [],
  instrument_response: [],
  side_effect: [],
})

/** What every row of a batch shares: the clinic, the seed, the consent text, the witness and now. */
interface SyntheticBatch {
  clinicId: string
  seed: number
  consentTextId: string
  staffId: string
  nowMs: number
}

/** One patient: `at(day, minutes)` is an instant relative to the start of their first treatment day. */
interface PatientContext {
  batch: SyntheticBatch
  p: SyntheticPatient
  patientId: string
  planId: string
  at: (day: number, minutes?: number) => Date
}

/** Adds patient `p`'s rows (only what would have happened by now); `day0` starts their first treatment day. */
export function addSyntheticPatient(
  rows: SyntheticRows,
  batch: SyntheticBatch,
  p: SyntheticPatient,
  day0: number,
) {
  const at = (day: number, minutes = 0) => new Date(day0 + day * dayMs + minutes * 60_000)
  const patientId = uuidv7(day0)
  const created = at(-14)
  const dob = new Date(day0 - (p.ageYears * 365.25 + 100) * dayMs).toISOString().slice(0, 10)
  rows.patient.push({
    id: patientId,
    clinic_id: batch.clinicId,
    mrn: `SYN-${batch.seed}-${p.index}`,
    given_name: 'Synthetic',
    family_name: `Patient ${p.index}`,
    date_of_birth: dob,
    sex: p.sex,
    phone: null,
    email: null,
    address: null,
    escort_name: null,
    escort_phone: null,
    emergency_contact_name: null,
    emergency_contact_phone: null,
    emergency_contact_relation: null,
    created_at: created,
    created_by: null,
    updated_at: created,
  })
  const protocol = findProtocol(p.route === 'iv' ? 'iv-racemic-standard' : 'esketamine-trd')
  const planId = uuidv7(day0)
  rows.treatment_plan.push({
    id: planId,
    clinic_id: batch.clinicId,
    patient_id: patientId,
    protocol_id: protocol.id,
    dose_basis: 'actual',
    dose_mg_per_kg: p.route === 'iv' ? '0.5' : null,
    dose_mg: p.route === 'iv' ? null : '56',
    max_dose_mg_per_kg: p.route === 'iv' ? '1' : null,
    planned_sessions: p.sessions.length,
    cadence: p.route === 'iv' ? 'three-weekly-12-days' : 'label-schedule',
    note: 'synthetic',
    status: 'approved',
    created_by: null,
    created_at: at(-2),
    approved_by: null,
    approver_name: 'synthetic',
    approved_at: at(-1),
    content_hash: null,
  })
  rows.consent.push({
    id: uuidv7(day0),
    clinic_id: batch.clinicId,
    patient_id: patientId,
    consent_text_id: batch.consentTextId,
    signer_name: `Synthetic Patient ${p.index}`,
    signature_kind: 'typed',
    signature_data: `Synthetic Patient ${p.index}`,
    research_use: p.consentsToResearch,
    witness_user_id: batch.staffId,
    witness_name: 'synthetic',
    content_hash: 'synthetic',
    signed_at: at(-1),
    withdrawn_at: null,
    withdrawn_by: null,
    withdrawal_reason: null,
  })
  const patient: PatientContext = { batch, p, patientId, planId, at }
  for (const s of p.sessions) addSession(rows, patient, s)
  for (const x of p.phq9) addScore(rows, patient, 'phq9', x.day, x.total)
  for (const x of p.madrs) addScore(rows, patient, 'madrs', x.day, x.total)
}

/** A discharged session (if it had ended 3 hours before now) with its vitals and side effects. */
function addSession(
  rows: SyntheticRows,
  { batch, p, patientId, planId, at }: PatientContext,
  s: SyntheticPatient['sessions'][number],
) {
  const start = at(s.day, 9 * 60)
  if (start.getTime() + 3 * 3_600_000 > batch.nowMs) return
  const sessionId = uuidv7(start.getTime())
  const doseEnd = new Date(start.getTime() + (p.route === 'iv' ? 40 : 10) * 60_000)
  const discharged = new Date(start.getTime() + (p.route === 'iv' ? 90 : 130) * 60_000)
  rows.treatment_session.push({
    id: sessionId,
    clinic_id: batch.clinicId,
    patient_id: patientId,
    plan_id: planId,
    chair_id: null,
    session_number: s.number,
    scheduled_at: start,
    planned_duration_min: p.route === 'iv' ? 120 : 150,
    state: 'discharged',
    route: p.route,
    spacing_override_reason: null,
    spacing_override_by: null,
    supervising_prescriber_id: null,
    primary_nurse_id: null,
    weight_kg: String(p.weightKg),
    dose_basis: 'actual',
    planned_dose_mg: String(s.doseMg),
    vial_mg_per_ml: p.route === 'iv' ? '10' : null,
    infusion_min: p.route === 'iv' ? '40' : null,
    dose_checked_by: null,
    dose_checked_at: null,
    dose_started_at: start,
    dose_ended_at: doseEnd,
    escort_name: null,
    is_escort_present: true,
    discharged_at: discharged,
    discharge_signed_by: null,
    discharge_signer_name: 'synthetic',
    discharge_content_hash: null,
    end_reason: null,
    rems_submitted_at: p.route === 'intranasal' ? discharged : null,
    rems_submitted_by: null,
    created_at: at(s.day - 2),
    created_by: null,
    updated_at: discharged,
  })
  const offsets = [-10, 40, p.route === 'iv' ? 85 : 125]
  s.vitals.forEach(([sbp, dbp, hr], k) => {
    rows.vital_sign.push({
      id: uuidv7(start.getTime()),
      clinic_id: batch.clinicId,
      patient_id: patientId,
      session_id: sessionId,
      context: k === 0 ? 'pre' : k === 1 ? 'intra' : 'post',
      measured_at: new Date(start.getTime() + offsets[k]! * 60_000),
      systolic_mmhg: sbp,
      diastolic_mmhg: dbp,
      heart_rate_bpm: hr,
      spo2_percent: 97,
      respiratory_rate: 14,
      moaas: k === 1 ? 4 : 5,
      recorded_by: null,
      created_at: start,
    })
  })
  for (const e of s.sideEffects) {
    rows.side_effect.push({
      id: uuidv7(start.getTime()),
      clinic_id: batch.clinicId,
      session_id: sessionId,
      patient_id: patientId,
      term: e.term,
      grade: e.grade,
      onset_at: new Date(start.getTime() + 20 * 60_000),
      action_taken: null,
      resolved_at: new Date(start.getTime() + 70 * 60_000),
      is_serious: e.grade >= 3,
      recorded_by: null,
      created_at: start,
    })
  }
}

/** A PHQ-9 or MADRS total on a day of the course (day 0: the intake baseline), if it was by now. */
function addScore(
  rows: SyntheticRows,
  { batch, patientId, at }: PatientContext,
  instrument: 'phq9' | 'madrs',
  day: number,
  total: number,
) {
  const when = at(day, day === 0 ? 8 * 60 : 12 * 60)
  if (when.getTime() > batch.nowMs) return
  const band = findBand((instrument === 'phq9' ? phq9 : madrs).bands, total)!.id
  rows.instrument_response.push({
    id: uuidv7(when.getTime()),
    clinic_id: batch.clinicId,
    patient_id: patientId,
    instrument_id: instrument,
    answers: '{}',
    total: String(total),
    band,
    band_label: band,
    subscales: '{}',
    flags: '[]',
    context: day === 0 ? 'intake' : 'follow-up',
    session_id: null,
    respondent: instrument === 'phq9' ? 'patient' : 'clinician',
    administered_at: when,
    recorded_by: null,
    created_at: when,
  })
}
