import { describe, expect, it } from 'vitest'
import { chartPostVitals, chartPreDose, sessionDriver } from '../../../../test/support/chair-side'
import { chairSideDesk } from '../../../../test/support/chair-side-desk'
import { aldrete10, phq9Moderate as phq9 } from '../../../../test/support/session-answers'
import { Client, demoEmails } from '../../../../test/support/test-app'

// An IV session from booking to signed discharge through the API, in order: each block goes on
// from where the one before left the session.

// Sessions run for hours of test-clock time; a long idle timeout keeps the staff signed in.
const desk = chairSideDesk({ KETACARE_SESSION_IDLE_MIN: '240' })
let sessionUrl: string
let patientId: string
const view = async () => (await desk.nurse.get(sessionUrl)).json()

describe('an IV session: booking', () => {
  it('books from the approved plan, refusing close spacing unless a prescriber overrides', async () => {
    patientId = await desk.patientIdByMrn('RK-2024-0107')
    const booked = await desk.book(desk.frontDesk, patientId)
    expect(booked.statusCode).toBe(201)
    expect(booked.json().session).toMatchObject({ state: 'scheduled', sessionNumber: 1, route: 'iv' })
    sessionUrl = `${desk.clinicUrl}/sessions/${booked.json().session.id}`

    const tooSoon = { chair: 1, hoursAhead: 12 }
    const refused = await desk.book(desk.frontDesk, patientId, tooSoon)
    expect(refused.statusCode).toBe(409)
    expect(refused.json().minimumHours).toBe(36)
    const nurseOverride = await desk.book(desk.nurse, patientId, {
      ...tooSoon,
      spacingOverrideReason: 'patient travelling',
    })
    expect(nurseOverride.statusCode).toBe(403)
    const overridden = await desk.book(desk.prescriber, patientId, {
      ...tooSoon,
      spacingOverrideReason: 'Travelling abroad; discussed risks.',
    })
    expect(overridden.statusCode).toBe(201)
    expect(overridden.json().session.spacingOverrideReason).toMatch(/Travelling/)

    const other = await desk.patientIdByMrn('RK-2024-0118')
    const clash = await desk.book(desk.frontDesk, other, { hoursAhead: 0.5 })
    expect(clash.statusCode).toBe(409)
    expect(clash.json().errors[0].field).toBe('chairId')
    const notApproved = await desk.book(desk.frontDesk, await desk.patientIdByMrn('RK-2024-0125'), {
      chair: 2,
    })
    expect(notApproved.statusCode).toBe(409)
  })
})

describe('an IV session: pre-checks and the dose', () => {
  it('blocks dosing on a failed pre-check until a prescriber overrides with a signature', async () => {
    const { stepOk } = sessionDriver(desk.nurse, sessionUrl)
    await stepOk(desk.frontDesk, 'check-in')
    await stepOk(desk.nurse, 'start-pre-checks')
    await chartPreDose(desk.nurse, sessionUrl, {
      vitals: { systolicMmHg: 150, diastolicMmHg: 95, heartRateBpm: 80 },
      phq9,
    })
    const v = await view()
    expect(v.preChecks.status).toBe('failed')
    expect(v.preChecks.items.find((i: { id: string }) => i.id === 'vitals')).toMatchObject({ status: 'fail' })
    await desk.nurse.post(`${sessionUrl}/dose`, { weightKg: 70, vialMgPerMl: 50 })
    const blocked = await desk.nurse.post(`${sessionUrl}/transition`, {
      event: 'start-dosing',
      version: (await view()).session.version,
    })
    expect(blocked.statusCode).toBe(409)
    expect(
      blocked
        .json()
        .blockedBy.map((b: { guard: string }) => b.guard)
        .sort(),
    ).toEqual(['pre-checks-passed-or-overridden', 'supervising-prescriber-present'])

    expect(
      (
        await desk.nurse.post(`${sessionUrl}/pre-checks/override`, {
          reason: 'nurse would like to',
          password: 'y',
        })
      ).statusCode,
    ).toBe(403)
    const override = await desk.prescriber.post(`${sessionUrl}/pre-checks/override`, {
      reason: 'BP 150/95 is her usual; reviewed, proceed with monitoring every 10 min.',
      totpCode: desk.code(),
    })
    expect(override.statusCode).toBe(200)
    expect(override.json().preChecks.status).toBe('overridden')
    expect(
      (await desk.prescriber.post(`${sessionUrl}/supervision`, {})).json().session.supervisingPrescriber.name,
    ).toBe('Dr. Priya Raman')
  })

  it('computes the dose and requires a second person to check it', async () => {
    const v = await view()
    expect(v.dose).toMatchObject({
      plannedDoseMg: 35,
      infusionMin: 40,
      rateMgPerMin: 0.875,
      volumeMl: 0.7,
      rateMlPerHour: 1.05,
    })
    const self = await desk.nurse.post(`${sessionUrl}/dose/check`, {
      password: desk.t.demo.find((d) => d.email === demoEmails.nurse)!.password,
    })
    expect(self.statusCode).toBe(409)
    const checked = await desk.prescriber.post(`${sessionUrl}/dose/check`, { totpCode: desk.code() })
    expect(checked.json().dose.checkedBy).toBe('Dr. Priya Raman')
    // Drawing the checked dose books an administration in the controlled-substance ledger.
    const stock = (await desk.nurse.get(`${desk.clinicUrl}/ledger/stock`)).json()
    const lot = stock.lots.find(
      (l: { drug: string; expiryStatus: string; balanceMg: string }) =>
        l.drug === 'racemic-ketamine' && l.expiryStatus !== 'expired' && Number(l.balanceMg) >= 35,
    )
    const drawn = await desk.nurse.post(`${sessionUrl}/dose/draw`, { lotId: lot.id })
    expect(drawn.statusCode, drawn.body).toBe(200)
    expect(drawn.json().dose.drawnFromLots[0]).toMatchObject({ lotId: lot.id, quantityMg: 35 })
    const after = (await desk.nurse.get(`${desk.clinicUrl}/ledger/stock`))
      .json()
      .lots.find((l: { id: string }) => l.id === lot.id)
    expect(Number(after.balanceMg)).toBe(Number(lot.balanceMg) - 35)
    expect((await desk.nurse.post(`${sessionUrl}/dose/draw`, { lotId: lot.id })).statusCode).toBe(409)
    const started = await desk.nurse.post(`${sessionUrl}/transition`, {
      event: 'start-dosing',
      version: drawn.json().session.version,
    })
    expect(started.json().session.state).toBe('dosing')
  })
})

describe('an IV session: charting at the chair', () => {
  it('charts the pump, vitals and alerts; resends with one Idempotency-Key never duplicate', async () => {
    const start = await desk.nurse.post(`${sessionUrl}/infusion`, { action: 'start' })
    expect(start.statusCode, start.body).toBe(200)
    desk.t.clock.advanceMinutes(10)
    // The nurse's tablet sends a reading under an Idempotency-Key, as its charting queue does.
    const sendWithKey = (key: string, payload: object) =>
      desk.nurse.t.app.inject({
        method: 'POST',
        url: `${sessionUrl}/vitals`,
        headers: {
          cookie: `kc_session=${desk.nurse.cookie}`,
          'x-csrf-token': desk.nurse.csrfToken!,
          'idempotency-key': key,
        },
        payload,
      })
    const key = 'tablet-7:vitals:0001'
    const send = () =>
      sendWithKey(key, {
        context: 'intra',
        systolicMmHg: 138,
        diastolicMmHg: 86,
        heartRateBpm: 84,
        spo2Percent: 97,
        moaas: 4,
      })
    const first = await send()
    const again = await send()
    expect(first.statusCode).toBe(200)
    expect(again.json().replayed).toBe(true)
    expect(again.json().vital.id).toBe(first.json().vital.id)
    expect((await view()).vitals.filter((x: { context: string }) => x.context === 'intra')).toHaveLength(1)
    const reused = await sendWithKey(key, { context: 'intra', systolicMmHg: 120, diastolicMmHg: 80 })
    expect(reused.statusCode).toBe(409)
    // Two resends racing each other (a flaky network) still write once.
    const racing = await Promise.all(
      [1, 2, 3].map(() =>
        sendWithKey('tablet-7:vitals:0002', { context: 'intra', systolicMmHg: 136, diastolicMmHg: 84 }),
      ),
    )
    expect(racing.map((r) => r.statusCode)).toEqual([200, 200, 200])
    expect(racing.filter((r) => !r.json().replayed)).toHaveLength(1)

    const v = await view()
    expect(v.infusion).toMatchObject({ status: 'running', doseGivenMg: 8.75 })
    expect(v.nextVitalsDue.dueAt).toBeTruthy()
    expect(v.pk.plasmaNgPerMl[10]).toBeGreaterThan(100)

    await desk.intraReading(sessionUrl, 10, {
      systolicMmHg: 186,
      diastolicMmHg: 104,
      heartRateBpm: 96,
      spo2Percent: 97,
    })
    desk.t.clock.advanceMinutes(5)
    const charted = (
      await desk.nurse.post(`${sessionUrl}/vitals`, {
        context: 'intra',
        systolicMmHg: 188,
        diastolicMmHg: 106,
        heartRateBpm: 98,
        spo2Percent: 97,
      })
    ).json()
    // The reply to a vital sign carries the alerts it raised, for the banner at once.
    const [alert] = charted.openAlerts
    expect(charted.vital).toMatchObject({ systolicMmHg: 188 })
    expect(alert).toMatchObject({
      severity: expect.any(String),
      recommendedAction: expect.stringMatching(/pause/i),
    })
    await desk.nurse.post(`${sessionUrl}/infusion`, { action: 'pause' })
    const acked = await desk.nurse.post(`${sessionUrl}/alerts/acknowledge`, {
      key: alert.key,
      actions: ['paused-infusion', 'prescriber-notified'],
      note: 'Dr. Raman informed; recheck in 5 min.',
    })
    expect(acked.json().alerts.find((a: { key: string }) => a.key === alert.key).acknowledged.by).toBe(
      'Nina Okafor, RN',
    )
    await desk.intraReading(sessionUrl, 5, {
      systolicMmHg: 150,
      diastolicMmHg: 90,
      heartRateBpm: 88,
      spo2Percent: 98,
    })
    await desk.nurse.post(`${sessionUrl}/infusion`, { action: 'resume' })
    expect((await desk.nurse.post(`${sessionUrl}/infusion`, { action: 'resume' })).statusCode).toBe(400)
    const effect = await desk.nurse.post(`${sessionUrl}/side-effects`, {
      term: 'nausea',
      grade: 1,
      actionTaken: 'Ondansetron 4 mg per standing order',
    })
    expect(effect.json().sideEffects[0]).toMatchObject({ term: 'nausea', grade: 1 })
  })
})

describe('an IV session: end of dosing, discharge and the record', () => {
  it('computes the dose given from the pump record and finishes dosing', async () => {
    await desk.intraReading(sessionUrl, 20, {
      systolicMmHg: 140,
      diastolicMmHg: 85,
      heartRateBpm: 82,
      spo2Percent: 98,
    })
    let v = await view()
    expect(v.infusion.status).toBe('completed')
    expect(v.dose.doseGivenMg).toBe(35)
    v = (
      await desk.nurse.post(`${sessionUrl}/transition`, {
        event: 'finish-dosing',
        version: v.session.version,
      })
    ).json()
    expect(v.session.state).toBe('monitoring')
  })

  it('two nurses moving one session at once: one wins, the other gets a conflict', async () => {
    const nurseB = new Client(desk.t)
    await nurseB.signIn(demoEmails.nurse)
    const version = (await view()).session.version
    await desk.nurse.post(`${sessionUrl}/escort`, { isPresent: true })
    const stale = await nurseB.post(`${sessionUrl}/transition`, { event: 'mark-ready', version })
    expect(stale.statusCode).toBe(409)
  })

  it('shows discharge readiness as a checklist and discharges with a prescriber signature', async () => {
    let v = await view()
    expect(v.discharge.isReady).toBe(false)
    expect(
      (await desk.nurse.post(`${sessionUrl}/transition`, { event: 'mark-ready', version: v.session.version }))
        .statusCode,
    ).toBe(409)
    expect(
      (
        await desk.nurse.post(`${sessionUrl}/scores`, {
          instrumentId: 'aldrete',
          context: 'post',
          answers: aldrete10,
        })
      ).statusCode,
    ).toBe(200)
    desk.t.clock.advanceMinutes(31)
    await chartPostVitals(desk.nurse, sessionUrl, { systolicMmHg: 148, diastolicMmHg: 90, heartRateBpm: 78 })
    v = (await desk.nurse.get(sessionUrl)).json()
    expect(v.discharge.criteria.map((c: { id: string; isMet: boolean }) => [c.id, c.isMet])).toEqual([
      ['aldrete', true],
      ['observation-time', true],
      ['vitals-near-baseline', true],
      ['escort-present', true],
    ])
    v = (
      await desk.nurse.post(`${sessionUrl}/transition`, { event: 'mark-ready', version: v.session.version })
    ).json()
    expect(v.session.state).toBe('ready-for-discharge')
    expect(
      (await desk.nurse.post(`${sessionUrl}/discharge`, { version: v.session.version, password: 'x' }))
        .statusCode,
    ).toBe(403)
    const discharged = await desk.prescriber.post(`${sessionUrl}/discharge`, {
      version: v.session.version,
      totpCode: desk.code(),
    })
    expect(discharged.statusCode).toBe(200)
    expect(discharged.json().session).toMatchObject({
      state: 'discharged',
      dischargeSignerName: 'Dr. Priya Raman',
    })
    const pdf = await desk.nurse.get(`${sessionUrl}/record.pdf`)
    expect(pdf.headers['content-type']).toBe('application/pdf')
    expect(
      (await desk.nurse.get(`${sessionUrl}/discharge-instructions.pdf`)).rawPayload.subarray(0, 5).toString(),
    ).toBe('%PDF-')
  })

  it('corrects a charted value by marking it, and keeps it in the record', async () => {
    const v = await view()
    const vital = v.vitals.find((x: { context: string }) => x.context === 'post')
    const res = await desk.nurse.post(`${sessionUrl}/entered-in-error`, {
      kind: 'vitals',
      entryId: vital.id,
      reason: 'Cuff on the wrong arm',
    })
    expect(res.json().vitals.find((x: { id: string }) => x.id === vital.id).enteredInError.reason).toBe(
      'Cuff on the wrong arm',
    )
  })

  it('keeps other clinics and the front desk out of the chart, but shows the board', async () => {
    const nurse2 = new Client(desk.t)
    await nurse2.signIn(demoEmails.nurse2)
    expect((await nurse2.get(sessionUrl)).statusCode).toBe(403)
    expect((await desk.frontDesk.get(sessionUrl)).statusCode).toBe(403)
    const board = (await desk.frontDesk.get(`${desk.clinicUrl}/board?date=2026-11-27`)).json()
    expect(board.chairs).toHaveLength(4)
    expect(board.sessions.some((s: { state: string }) => s.state === 'discharged')).toBe(true)
  })
})
