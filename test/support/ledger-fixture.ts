import { expect } from 'vitest'
import { runInClinic } from '../../src/server/clinic-scope'
import { recordAdministration } from '../../src/server/features/ledger/administer'
import { uuidv7 } from '../../src/server/ids'
import { principalByEmail } from '../../src/server/seed/demo-ledger'
import { Client, demoEmails, passwordOf, startTestApp, type TestApp, totpCode } from './test-app'

/** A ketamine lot as the pharmacy delivers it: 5 vials of 10 mL at 50 mg/mL (2,500 mg). */
export const ketamineLot = {
  drug: 'racemic-ketamine',
  ndc: '0409-2051-05',
  product: 'Ketamine HCl injection, USP 50 mg/mL, 10 mL multiple-dose vial',
  strengthMg: '50',
  unit: 'mL',
  unitsPerContainer: '10',
  lotNumber: 'KX2291',
  expiresOn: '2027-08-31',
  containerCount: 5,
  containerNumbers: ['V-101', 'V-102', 'V-103', 'V-104', 'V-105'],
  invoiceNumber: 'INV-55012',
  supplier: { name: 'Cardinal Health 110', address: '7000 Cardinal Pl, Dublin, OH 43017', dea: 'RC4028278' },
}

export type LedgerRole = 'nurse' | 'prescriber' | 'auditor' | 'frontDesk' | 'admin' | 'nurse2'

export interface LedgerFixture {
  t: TestApp
  c: Record<LedgerRole, Client>
  prescriberSecret: string
  prescriberId: string
  nurseId: string
  /** A patient registered for the administrations (RK-7001, with an address for the DEA log). */
  patientId: string
}

/** The demo organization without clinical data (an empty ledger), every role signed in. */
export async function startLedgerFixture(): Promise<LedgerFixture> {
  const t = await startTestApp({ KETACARE_LOGIN_RATE_PER_MIN: '1000' })
  const c = {} as Record<LedgerRole, Client>
  for (const [key, email] of Object.entries({
    nurse: demoEmails.nurse,
    auditor: demoEmails.auditor,
    frontDesk: demoEmails.frontDesk,
    admin: demoEmails.admin,
    nurse2: demoEmails.nurse2,
  })) {
    c[key as LedgerRole] = new Client(t)
    await c[key as LedgerRole].signIn(email)
  }
  c.prescriber = new Client(t)
  const prescriberSecret = (await c.prescriber.signIn(demoEmails.prescriber))!
  const prescriberId = (await principalByEmail(t.ctx, demoEmails.prescriber)).userId
  const nurseId = (await principalByEmail(t.ctx, demoEmails.nurse)).userId
  const patient = await c.frontDesk.post(`/api/v1/clinics/${t.clinics.riverside}/patients`, {
    mrn: 'RK-7001',
    givenName: 'Robin',
    familyName: 'Hale',
    dateOfBirth: '1980-05-05',
    sex: 'female',
    addressStreet: '12 Elm Row',
    addressCity: 'Springfield',
    addressState: 'OH',
    addressPostalCode: '45501',
  })
  expect(patient.statusCode).toBe(201)
  return { t, c, prescriberSecret, prescriberId, nurseId, patientId: patient.json().id }
}

/** An administration as the sessions feature records it, in the caller's clinic transaction. */
export async function administerAs(
  f: LedgerFixture,
  email: string,
  lotId: string,
  quantity: string,
  sessionId?: string,
) {
  const principal = await principalByEmail(f.t.ctx, email)
  return runInClinic(
    f.t.ctx,
    principal,
    {
      clinicId: f.t.clinics.riverside,
      permission: 'clinical:write',
      action: 'sessions.dose',
      entity: 'treatment_session',
    },
    (scope) =>
      recordAdministration(scope, { lotId, quantity, sessionId: sessionId ?? '', patientId: f.patientId }),
  )
}

/** An approved plan and an IV session in dosing for the fixture's patient, written directly. */
export async function insertDosingSession(f: LedgerFixture): Promise<string> {
  const planId = uuidv7()
  const sessionId = uuidv7()
  const now = f.t.clock.now()
  await f.t.database.db
    .insertInto('treatment_plan')
    .values({
      id: planId,
      clinic_id: f.t.clinics.riverside,
      patient_id: f.patientId,
      protocol_id: 'iv-racemic-standard',
      dose_basis: 'actual',
      dose_mg_per_kg: '0.5',
      dose_mg: null,
      max_dose_mg_per_kg: null,
      planned_sessions: 6,
      cadence: 'twice weekly',
      note: null,
      status: 'approved',
      created_by: f.prescriberId,
      created_at: now,
      approved_by: f.prescriberId,
      approver_name: 'Dr. Priya Raman',
      approved_at: now,
      content_hash: 'x',
    })
    .execute()
  await f.t.database.db
    .insertInto('treatment_session')
    .values({
      id: sessionId,
      clinic_id: f.t.clinics.riverside,
      patient_id: f.patientId,
      plan_id: planId,
      chair_id: null,
      session_number: 1,
      scheduled_at: now,
      planned_duration_min: 120,
      state: 'dosing',
      route: 'iv',
      spacing_override_reason: null,
      spacing_override_by: null,
      supervising_prescriber_id: f.prescriberId,
      primary_nurse_id: f.nurseId,
      weight_kg: '70',
      dose_basis: 'actual',
      planned_dose_mg: '35',
      vial_mg_per_ml: '50',
      infusion_min: '40',
      dose_checked_by: null,
      dose_checked_at: null,
      dose_started_at: null,
      dose_ended_at: null,
      escort_name: null,
      is_escort_present: false,
      discharged_at: null,
      discharge_signed_by: null,
      discharge_signer_name: null,
      discharge_content_hash: null,
      end_reason: null,
      rems_submitted_at: null,
      rems_submitted_by: null,
      created_at: now,
      created_by: f.nurseId,
      updated_at: now,
    })
    .execute()
  return sessionId
}

/** The prescriber witnessing on the nurse's device with their password. */
export const passwordWitness = (f: LedgerFixture) => ({
  userId: f.prescriberId,
  password: passwordOf(f.t, demoEmails.prescriber),
})

/** The prescriber witnessing with a TOTP code; a code works once a 30-second step, so the clock moves on. */
export function totpWitness(f: LedgerFixture) {
  f.t.clock.advanceMinutes(1)
  return { userId: f.prescriberId, totpCode: totpCode(f.prescriberSecret, f.t.clock) }
}
