import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startDemoClinic } from '../../../../test/support/clinic-fixture'
import type { Client, TestApp } from '../../../../test/support/test-app'
import { uuidv7 } from '../../ids'

// The esketamine REMS hard stop (clinical-reference §3 ✅): no esketamine session is booked or
// dosed without the clinic's setting certification and the patient's enrolment. No override.

let t: TestApp
let admin: Client
let prescriber: Client
let nurse: Client
let frontDesk: Client
let auditor: Client
let chairs: { id: string }[]
const url = () => `/api/v1/clinics/${t.clinics.riverside}`
const patientByMrn = async (mrn: string): Promise<string> =>
  (await frontDesk.get(`${url()}/patients?q=${mrn}`)).json().items[0].id
const hour = 3_600_000

beforeAll(async () => {
  // Demo patients (Grace Kim enrolled, Elena Marsh not), but the clinic not yet certified.
  ;({
    t,
    clients: { admin, prescriber, nurse, frontDesk, auditor },
  } = await startDemoClinic({
    env: { KETACARE_SESSION_IDLE_MIN: '240' },
    roles: ['admin', 'prescriber', 'nurse', 'frontDesk', 'auditor'],
    withRemsCertification: false,
  }))
  chairs = (await nurse.get(`${url()}/chairs`)).json()
})
afterAll(() => t.close())

const book = (patientId: string, chair: number, hoursAhead: number) =>
  frontDesk.post(`${url()}/sessions`, {
    patientId,
    chairId: chairs[chair]!.id,
    scheduledAt: new Date(t.clock.now().getTime() + hoursAhead * hour).toISOString(),
  })

async function auditActions(entity: string): Promise<string[]> {
  const rows = await t.database.db
    .selectFrom('audit_event')
    .select(['action'])
    .where('entity', '=', entity)
    .orderBy('seq')
    .execute()
  return rows.map((r) => r.action)
}

describe('esketamine REMS hard stop (clinical-reference §3)', () => {
  it('refuses booking without the clinic certification, naming it; the checklist shows it', async () => {
    const grace = await patientByMrn('RK-2024-0112')
    const refused = await book(grace, 0, 2)
    expect(refused.statusCode).toBe(409)
    expect(refused.json().detail).toMatch(/without the clinic's REMS setting certification \(/)
    expect(refused.json().detail).not.toMatch(/enrolment/)
    expect(refused.json().remsMissing).toEqual(['setting-certification'])
    const chart = (await nurse.get(`${url()}/patients/${grace}/chart`)).json()
    expect(chart.checklist.find((c: { id: string }) => c.id === 'rems')).toMatchObject({
      isDone: false,
      detail: expect.stringMatching(/clinic's REMS setting certification/),
    })
    // A prescriber cannot talk past it: there is no override field to send.
    const withReason = await prescriber.post(`${url()}/sessions`, {
      patientId: grace,
      chairId: chairs[0]!.id,
      scheduledAt: new Date(t.clock.now().getTime() + 2 * hour).toISOString(),
      spacingOverrideReason: 'urgent',
    })
    expect(withReason.statusCode).toBe(409)
    // IV sessions are not affected.
    expect((await book(await patientByMrn('RK-2024-0107'), 1, 2)).statusCode).toBe(201)
  })

  it('lets an administrator or prescriber record the certification (audited), never a nurse', async () => {
    const path = `${url()}/rems/certification`
    const body = { identifier: 'HCS-77120', effectiveOn: '2026-10-01' }
    expect((await nurse.post(path, body)).statusCode).toBe(403)
    expect((await frontDesk.post(path, body)).statusCode).toBe(403)
    const future = await admin.post(path, { ...body, effectiveOn: '2027-01-01' })
    expect(future.statusCode).toBe(400)
    expect(future.json().errors[0].field).toBe('effectiveOn')
    const blank = await admin.post(path, { ...body, identifier: '  ' })
    expect(blank.statusCode).toBe(400)
    expect(blank.json().errors[0].field).toBe('identifier')
    const recorded = await admin.post(path, body)
    expect(recorded.statusCode).toBe(200)
    expect(recorded.json().current).toMatchObject({
      identifier: 'HCS-77120',
      effectiveOn: '2026-10-01',
      recordedBy: 'Alex Morgan',
    })
    // A correction is a new entry with a reason; the first is kept.
    const noReason = await prescriber.post(path, { ...body, identifier: 'HCS-77121' })
    expect(noReason.statusCode).toBe(400)
    expect(noReason.json().errors[0].field).toBe('correctionReason')
    const corrected = await prescriber.post(path, {
      ...body,
      identifier: 'HCS-77121',
      correctionReason: 'Typo in the identifier',
    })
    expect(corrected.json().current).toMatchObject({
      identifier: 'HCS-77121',
      correctionReason: 'Typo in the identifier',
      recordedBy: 'Dr. Priya Raman',
    })
    expect(corrected.json().history.map((e: { identifier: string }) => e.identifier)).toEqual([
      'HCS-77121',
      'HCS-77120',
    ])
    expect((await auditor.get(path)).json().current.identifier).toBe('HCS-77121')
    expect(await auditActions('rems_record')).toEqual(
      expect.arrayContaining(['rems.certification.record', 'rems.certification.read']),
    )
  })
})

describe('esketamine REMS hard stop (clinical-reference §3): the patient’s enrolment', () => {
  it('refuses the dose of a session whose patient is not enrolled (a session from before the rule)', async () => {
    // Booking is refused for her, so the session is put in as an upgrade would leave one: booked
    // before the REMS records were required. The dose step checks again.
    const grace = await patientByMrn('RK-2024-0112')
    const elena = await patientByMrn('RK-2024-0139')
    const booked = (await book(grace, 3, 6)).json().session
    const template = await t.database.db
      .selectFrom('treatment_session')
      .selectAll()
      .where('id', '=', booked.id)
      .executeTakeFirstOrThrow()
    const plan = await t.database.db
      .selectFrom('treatment_plan')
      .select('id')
      .where('patient_id', '=', elena)
      .where('status', '=', 'approved')
      .executeTakeFirstOrThrow()
    const { version: _version, ...row } = template
    const legacyId = uuidv7(t.clock.now().getTime())
    await t.database.db
      .insertInto('treatment_session')
      .values({
        ...row,
        id: legacyId,
        patient_id: elena,
        plan_id: plan.id,
        scheduled_at: new Date(t.clock.now().getTime() + 200 * hour),
      })
      .execute()
    const s = `${url()}/sessions/${legacyId}`
    const step = async (who: Client, event: string) => {
      const v = (await nurse.get(s)).json()
      return who.post(`${s}/transition`, { event, version: v.session.version })
    }
    expect((await step(frontDesk, 'check-in')).statusCode).toBe(200)
    expect((await step(nurse, 'start-pre-checks')).statusCode).toBe(200)
    const dose = await nurse.post(`${s}/dose`, { weightKg: 66 })
    expect(dose.statusCode).toBe(409)
    expect(dose.json().detail).toMatch(/cannot be dosed without the patient's REMS enrolment/)
    expect((await nurse.get(s)).json().dose.plannedDoseMg).toBeNull()
  })

  it('refuses booking an unenrolled patient naming the enrolment, then accepts once recorded', async () => {
    const elena = await patientByMrn('RK-2024-0139')
    const refused = await book(elena, 2, 4)
    expect(refused.statusCode).toBe(409)
    expect(refused.json().detail).toMatch(/without the patient's REMS enrolment/)
    expect(refused.json().remsMissing).toEqual(['patient-enrolment'])
    const enrolment = `${url()}/patients/${elena}/rems-enrolment`
    expect(
      (await frontDesk.post(enrolment, { identifier: 'PT-1', effectiveOn: '2026-11-20' })).statusCode,
    ).toBe(403)
    expect((await admin.post(enrolment, { identifier: 'PT-1', effectiveOn: '2026-11-20' })).statusCode).toBe(
      403,
    )
    const recorded = await nurse.post(enrolment, { identifier: 'SPR-PT-55012', effectiveOn: '2026-11-26' })
    expect(recorded.statusCode).toBe(200)
    expect(recorded.json().current).toMatchObject({
      identifier: 'SPR-PT-55012',
      recordedBy: 'Nina Okafor, RN',
    })
    expect((await frontDesk.get(enrolment)).json().current.identifier).toBe('SPR-PT-55012')
    const chart = (await nurse.get(`${url()}/patients/${elena}/chart`)).json()
    expect(chart.checklist.find((c: { id: string }) => c.id === 'rems')).toMatchObject({ isDone: true })
    const booked = await book(elena, 2, 4)
    expect(booked.statusCode).toBe(201)
    expect(booked.json().session.route).toBe('intranasal')
    const audited = await t.database.db
      .selectFrom('audit_event')
      .select(['outcome', 'detail'])
      .where('action', '=', 'rems.enrolment.record')
      .orderBy('seq')
      .execute()
    // The demo's two enrolments (Grace Kim, Luis Reyes), the two refused attempts (audited as
    // denials), then this one.
    expect(audited.map((a) => a.outcome)).toEqual(['success', 'success', 'denied', 'denied', 'success'])
    expect(audited[4]!.detail).toMatchObject({ patientId: elena, identifier: 'SPR-PT-55012' })
  })
})
