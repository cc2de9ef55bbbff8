import { describe, expect, it } from 'vitest'
import { bookSessionNow, chartPreDose, sessionDriver } from '../../../../test/support/chair-side'
import { chairSideDesk } from '../../../../test/support/chair-side-desk'
import { uuidv7 } from '../../ids'

// Issue 14 C and 4: a first BP above 180/110 alerts with a 5-minute recheck, every reading of any
// phase is evaluated (also after a back-dated pump start), chair-side times before the session or
// in the future are refused, and the acknowledgement is structured with the recheck in it.

const desk = chairSideDesk({ KETACARE_SESSION_IDLE_MIN: '240' })
const minute = 60_000
const ago = (min: number) => new Date(desk.t.clock.now().getTime() - min * minute).toISOString()
const later = (min: number) => new Date(desk.t.clock.now().getTime() + min * minute).toISOString()

/** Books an IV session for the patient and drives it to dosing (pre-checks passed, dose checked). */
async function toDosing(mrn: string, chairId: string): Promise<string> {
  const patientId = await desk.patientIdByMrn(mrn)
  const { url: sessionUrl } = await bookSessionNow(desk.t, desk.frontDesk, patientId, chairId)
  const { step } = sessionDriver(desk.nurse, sessionUrl)
  await step(desk.frontDesk, 'check-in')
  desk.t.clock.advanceMinutes(2)
  await step(desk.nurse, 'start-pre-checks')
  await chartPreDose(desk.nurse, sessionUrl, {
    preChecks: { escortName: 'A. Escort', pregnancyStatus: 'not-applicable' },
    vitals: { spo2Percent: undefined },
  })
  await desk.nurse.post(`${sessionUrl}/dose`, { weightKg: 70, vialMgPerMl: 10 })
  await desk.prescriber.post(`${sessionUrl}/dose/check`, { totpCode: desk.code() })
  await desk.prescriber.post(`${sessionUrl}/supervision`, {})
  desk.t.clock.advanceMinutes(3)
  const started = await step(desk.nurse, 'start-dosing')
  expect(started.json().session?.state, started.body).toBe('dosing')
  return sessionUrl
}

let sessionUrl: string
const view = async () => (await desk.nurse.get(sessionUrl)).json()

describe('blood-pressure alerts at the chair', () => {
  it('refuses a pump start back-dated to before the pre-checks, or in the future, naming the field', async () => {
    sessionUrl = await toDosing('RK-2024-0107', desk.chairs[0]!.id)
    const before = await desk.nurse.post(`${sessionUrl}/infusion`, { action: 'start', at: ago(30) })
    expect(before.statusCode).toBe(400)
    expect(before.json().errors[0]).toMatchObject({
      field: 'at',
      message: expect.stringMatching(/before the pre-checks began/),
    })
    const future = await desk.nurse.post(`${sessionUrl}/infusion`, { action: 'start', at: later(5) })
    expect(future.statusCode).toBe(400)
    expect(future.json().errors[0]).toMatchObject({ field: 'at', message: 'is in the future' })
    // A tablet a few seconds ahead is fine; nothing was written by the refusals.
    const ok = await desk.nurse.post(`${sessionUrl}/infusion`, { action: 'start', at: later(0.5) })
    expect(ok.statusCode, ok.body).toBe(200)
    expect(ok.json().timeline.filter((e: { kind: string }) => e.kind === 'infusion')).toHaveLength(1)
    const early = await desk.nurse.post(`${sessionUrl}/vitals`, {
      context: 'intra',
      systolicMmHg: 130,
      diastolicMmHg: 80,
      measuredAt: ago(60),
    })
    expect(early.statusCode).toBe(400)
    expect(early.json().errors[0]).toMatchObject({
      field: 'measuredAt',
      message: expect.stringMatching(/before check-in/),
    })
  })

  it('a first reading of 185/112 raises the alert at once and brings the timer to a 5-minute BP recheck', async () => {
    desk.t.clock.advanceMinutes(4)
    const readAtMs = desk.t.clock.now().getTime()
    const reply = await desk.nurse.post(`${sessionUrl}/vitals`, {
      context: 'intra',
      systolicMmHg: 185,
      diastolicMmHg: 112,
      heartRateBpm: 92,
    })
    expect(reply.statusCode).toBe(200)
    const [alert] = reply.json().openAlerts
    expect(alert).toMatchObject({
      code: 'bp-high',
      message: 'BP 185/112 mmHg is above 180/110.',
      rule: expect.stringMatching(/recheck within 5 min/),
      recheckByMs: readAtMs + 5 * minute,
    })
    const v = await view()
    // The same computation on both paths: the view has the same alert under the same key.
    expect(v.alerts.map((a: { key: string }) => a.key)).toEqual([alert.key])
    expect(v.nextVitalsDue).toMatchObject({
      dueAt: new Date(readAtMs + 5 * minute).toISOString(),
      recheck: { measure: 'blood-pressure', alertCode: 'bp-high' },
    })
  })
})

describe('blood-pressure alerts at the chair: acknowledging and resolving', () => {
  it('acknowledges with what was done and the recheck in one request; the recheck is a normal vital sign', async () => {
    const { alerts } = await view()
    desk.t.clock.advanceMinutes(5)
    const other = await desk.nurse.post(`${sessionUrl}/alerts/acknowledge`, {
      key: alerts[0].key,
      actions: ['other'],
    })
    expect(other.statusCode).toBe(400)
    expect(other.json().errors[0].field).toBe('note')
    const half = await desk.nurse.post(`${sessionUrl}/alerts/acknowledge`, {
      key: alerts[0].key,
      actions: ['rechecked'],
      recheck: { systolicMmHg: 183 },
    })
    expect(half.statusCode).toBe(400)
    expect(half.json().errors[0].field).toBe('recheck.diastolicMmHg')
    const unknown = await desk.nurse.post(`${sessionUrl}/alerts/acknowledge`, {
      key: alerts[0].key,
      actions: ['prayed'],
    })
    expect(unknown.statusCode).toBe(400)
    expect((await view()).vitals).toHaveLength(2)

    const acked = await desk.nurse.post(`${sessionUrl}/alerts/acknowledge`, {
      key: alerts[0].key,
      actions: ['rechecked', 'prescriber-notified'],
      note: 'Dr. Raman aware',
      recheck: { systolicMmHg: 183, diastolicMmHg: 111 },
    })
    expect(acked.statusCode, acked.body).toBe(200)
    const v = acked.json()
    const first = v.alerts.find((a: { key: string }) => a.key === alerts[0].key)
    expect(first.acknowledged).toMatchObject({
      by: 'Nina Okafor, RN',
      actions: ['rechecked', 'prescriber-notified'],
      note: 'Dr. Raman aware',
    })
    expect(first.resolved).toBeNull()
    const recheck = v.vitals.find((x: { id: string }) => x.id === first.acknowledged.recheckVitalId)
    expect(recheck).toMatchObject({ context: 'intra', systolicMmHg: 183, diastolicMmHg: 111 })
    // Still above 180/110 five minutes later: pause suggested, open for the nurse.
    expect(v.alerts.map((a: { code: string }) => a.code)).toEqual(['bp-high', 'bp-high-sustained'])
    expect(v.alerts[1]).toMatchObject({
      acknowledged: null,
      recommendedAction: expect.stringMatching(/Pause/),
    })
    const audited = await desk.t.database.db
      .selectFrom('audit_event')
      .select(['action', 'entity'])
      .where('clinic_id', '=', desk.t.clinics.riverside)
      .where('action', 'in', ['sessions.alert-ack', 'sessions.vitals'])
      .where('entity_id', 'in', [v.session.id, recheck.id])
      .execute()
    expect(audited).toEqual(
      expect.arrayContaining([
        { action: 'sessions.alert-ack', entity: 'treatment_session' },
        { action: 'sessions.vitals', entity: 'vital_sign' },
      ]),
    )
    expect(
      (
        await desk.nurse.post(`${sessionUrl}/alerts/acknowledge`, {
          key: alerts[0].key,
          actions: ['rechecked'],
        })
      ).statusCode,
    ).toBe(409)
  })

  it('evaluates readings while the pump is paused; a reading back under 180/110 resolves the alerts', async () => {
    await desk.nurse.post(`${sessionUrl}/infusion`, { action: 'pause' })
    const stillHigh = await desk.intraReading(sessionUrl, 3, { systolicMmHg: 190, diastolicMmHg: 100 })
    expect(stillHigh.json().openAlerts.map((a: { code: string }) => a.code)).toEqual(['bp-high-sustained'])
    await desk.intraReading(sessionUrl, 3, { systolicMmHg: 150, diastolicMmHg: 90 })
    const v = await view()
    expect(v.alerts.every((a: { resolved: { how: string } | null }) => a.resolved?.how === 'reading')).toBe(
      true,
    )
    expect(v.nextVitalsDue.recheck).toBeNull()
    expect(
      (await desk.nurse.get(`${desk.clinicUrl}/board`))
        .json()
        .sessions.find((s: { id: string }) => s.id === v.session.id).openAlerts,
    ).toEqual([])
  })

  it('a clinician can resolve an alert explicitly, with a note', async () => {
    const reply = await desk.intraReading(sessionUrl, 2, { heartRateBpm: 130 })
    const [hr] = reply.json().openAlerts
    expect(hr.code).toBe('heart-rate-high')
    const resolved = await desk.nurse.post(`${sessionUrl}/alerts/resolve`, {
      key: hr.key,
      note: 'Probe on a moving finger; manual pulse 88.',
    })
    expect(resolved.statusCode, resolved.body).toBe(200)
    expect(resolved.json().alerts.find((a: { key: string }) => a.key === hr.key).resolved).toMatchObject({
      how: 'clinician',
      by: 'Nina Okafor, RN',
    })
    expect(
      (await desk.nurse.post(`${sessionUrl}/alerts/resolve`, { key: hr.key, note: 'again' })).statusCode,
    ).toBe(409)
  })
})

describe('readings after a pump start recorded before the pre-checks (an old record)', () => {
  it('are still evaluated, on the hot path and in the view', async () => {
    const sessionUrl = await toDosing('RK-2024-0118', desk.chairs[1]!.id)
    const sessionId = sessionUrl.split('/').at(-1)!
    // Written directly, as a record from before the refusal existed would be.
    await desk.t.database.db
      .insertInto('session_event')
      .values({
        id: uuidv7(desk.t.clock.now().getTime()),
        clinic_id: desk.t.clinics.riverside,
        session_id: sessionId,
        kind: 'infusion',
        at: new Date(desk.t.clock.now().getTime() - 90 * minute),
        payload: JSON.stringify({ action: 'start' }),
        recorded_by: (await desk.nurse.get('/api/v1/auth/me')).json().user.id,
        created_at: desk.t.clock.now(),
        entered_in_error_at: null,
        entered_in_error_by: null,
        error_reason: null,
      })
      .execute()
    const a = await desk.intraReading(sessionUrl, 1, { systolicMmHg: 186, diastolicMmHg: 112 })
    expect(a.json().openAlerts.map((x: { code: string }) => x.code)).toEqual(['bp-high'])
    await desk.intraReading(sessionUrl, 2, { systolicMmHg: 188, diastolicMmHg: 114 })
    const v = (await desk.nurse.get(sessionUrl)).json()
    expect(v.alerts).toHaveLength(1)
    expect(v.alerts[0]).toMatchObject({ code: 'bp-high', resolved: null })
    expect(Date.parse(v.nextVitalsDue.dueAt)).toBe(desk.t.clock.now().getTime() + 5 * minute)
  })
})
