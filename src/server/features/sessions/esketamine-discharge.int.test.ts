import { describe, expect, it } from 'vitest'
import { chartRecovery, sessionDriver } from '../../../../test/support/chair-side'
import { chairSideDesk } from '../../../../test/support/chair-side-desk'
import { Client, demoEmails } from '../../../../test/support/test-app'

// Esketamine monitoring and discharge (clinical-reference §3) and the REMS Patient Monitoring Form
// as a record of what happened, through the API.

const desk = chairSideDesk({ KETACARE_SESSION_IDLE_MIN: '480' })
let s: string
let firstDeviceMs: number
let patientId: string
const minute = 60_000
/** Moves the test clock to `m` minutes after the first device. */
const atMinute = (m: number) =>
  desk.t.clock.advanceMinutes((firstDeviceMs + m * minute - desk.t.clock.now().getTime()) / minute)
const view = async () => (await desk.nurse.get(s)).json()
const criterion = (v: { discharge: { criteria: { id: string; isMet: boolean }[] } }, id: string) =>
  v.discharge.criteria.find((c) => c.id === id)!
const vitals = (body: Record<string, number>) => desk.nurse.post(`${s}/vitals`, { context: 'post', ...body })

describe('an esketamine session (§3 monitoring and discharge)', () => {
  it('doses two devices from a lot', async () => {
    patientId = await desk.patientIdByMrn('RK-2024-0112')
    ;({ url: s } = await desk.startPreDose(patientId, 3, {
      preChecks: { escortName: undefined, pregnancyStatus: 'not-applicable' },
      vitals: { systolicMmHg: 122, heartRateBpm: 70, spo2Percent: 99, moaas: 5 },
    }))
    const step = (event: string) => sessionDriver(desk.nurse, s).step(desk.nurse, event)
    await desk.nurse.post(`${s}/dose`, { weightKg: 59 })
    await desk.prescriber.post(`${s}/dose/check`, { totpCode: desk.code() })
    await desk.prescriber.post(`${s}/supervision`, {})
    expect((await step('start-dosing')).json().session.state).toBe('dosing')
    const lot = await desk.t.database.db
      .selectFrom('cs_lot')
      .select('id')
      .where('clinic_id', '=', desk.t.clinics.riverside)
      .where('lot_number', '=', 'SP4415')
      .executeTakeFirstOrThrow()
    const first = await desk.nurse.post(`${s}/devices`, { lotId: lot.id })
    expect(first.statusCode).toBe(200)
    firstDeviceMs = Date.parse(first.json().devices.given[0].at)
    atMinute(5)
    expect((await desk.nurse.post(`${s}/devices`, { lotId: lot.id })).json().devices.isComplete).toBe(true)
    expect((await step('finish-dosing')).json().session.state).toBe('monitoring')
  })

  it('prompts pulse oximetry throughout monitoring, not only the 40-minute BP (§3)', async () => {
    atMinute(6)
    let v = await view()
    expect(v.nextVitalsDue.prompts).toEqual(['spo2'])
    expect(Date.parse(v.nextVitalsDue.dueAt)).toBe(firstDeviceMs + 15 * minute)
    atMinute(10)
    await chartRecovery(desk.nurse, s)
    atMinute(40)
    await vitals({ systolicMmHg: 134, diastolicMmHg: 84, spo2Percent: 97, moaas: 4 })
    v = await view()
    expect(v.nextVitalsDue.prompts).toEqual(['spo2'])
    expect(Date.parse(v.nextVitalsDue.dueAt)).toBe(firstDeviceMs + 55 * minute)
  })

  it('a dissociation check is charted by the nurse, at or after the first device', async () => {
    atMinute(70)
    const before = await desk.nurse.post(`${s}/dissociation-check`, {
      isResolved: false,
      at: new Date(firstDeviceMs - minute).toISOString(),
    })
    expect(before.statusCode).toBe(400)
    expect(before.json().errors[0].field).toBe('at')
    const check = await desk.nurse.post(`${s}/dissociation-check`, {
      isResolved: false,
      note: 'Says the room still feels far away.',
    })
    expect(check.statusCode).toBe(200)
    expect(check.json().dissociation.latest).toMatchObject({ isResolved: false, by: 'Nina Okafor, RN' })
  })
})

describe('an esketamine session: the §3 discharge criteria', () => {
  it('§3: at 2 hours with dissociation unresolved, discharge is refused naming the criterion', async () => {
    atMinute(124)
    await vitals({ systolicMmHg: 126, diastolicMmHg: 80, spo2Percent: 98, moaas: 5 })
    atMinute(125)
    const v = await view()
    expect(criterion(v, 'observation-time').isMet).toBe(true)
    expect(criterion(v, 'dissociation-resolved').isMet).toBe(false)
    expect(v.discharge.isReady).toBe(false)
    expect(v.readyWithoutTimeRule).toBeNull()
    const refused = await desk.nurse.post(`${s}/transition`, {
      event: 'mark-ready',
      version: v.session.version,
    })
    expect(refused.statusCode).toBe(409)
    expect(refused.json().detail).toMatch(/dissociation resolved/)
    expect(refused.json().unmetCriteria.map((c: { id: string }) => c.id)).toEqual(['dissociation-resolved'])
    expect(refused.json().errors).toEqual([
      { field: 'discharge.dissociation-resolved', message: expect.stringMatching(/not resolved/) },
    ])
  })

  it('§3: a low SpO2 on the latest reading blocks discharge', async () => {
    atMinute(126)
    await vitals({ spo2Percent: 90 })
    const v = await view()
    expect(criterion(v, 'spo2-acceptable').isMet).toBe(false)
    // Recovered: the SpO2-only reading leaves the BP criterion on the last BP reading.
    atMinute(127)
    await vitals({ spo2Percent: 97 })
    const after = await view()
    expect(criterion(after, 'spo2-acceptable').isMet).toBe(true)
    expect(criterion(after, 'vitals-near-baseline').isMet).toBe(true)
  })

  it('records the ready-without-the-2-hour-rule moment in the write that makes the criteria met', async () => {
    atMinute(128)
    const v = (await desk.nurse.post(`${s}/dissociation-check`, { isResolved: true })).json()
    expect(v.discharge.isReady).toBe(true)
    expect(v.readyWithoutTimeRule).toMatchObject({ source: 'charting', minutesFromFirstDevice: 128 })
    const recorded = v.timeline.filter((e: { kind: string }) => e.kind === 'ready-without-time-rule')
    expect(recorded).toHaveLength(1)
    // Later charting does not move it.
    atMinute(135)
    await vitals({ systolicMmHg: 124, diastolicMmHg: 80, spo2Percent: 98, moaas: 5 })
    expect((await view()).readyWithoutTimeRule.minutesFromFirstDevice).toBe(128)
  })

  it('§3: MOAA/S below the pre-dose baseline blocks the sign-off, with a 409 naming it', async () => {
    let v = await view()
    v = (await desk.nurse.post(`${s}/transition`, { event: 'mark-ready', version: v.session.version })).json()
    expect(v.session.state).toBe('ready-for-discharge')
    atMinute(140)
    await vitals({ moaas: 3 })
    v = await view()
    const refused = await desk.prescriber.post(`${s}/discharge`, {
      version: v.session.version,
      totpCode: desk.code(),
    })
    expect(refused.statusCode).toBe(409)
    expect(refused.json().unmetCriteria.map((c: { id: string }) => c.id)).toEqual(['sedation-resolved'])
    expect(refused.json().errors[0].field).toBe('discharge.sedation-resolved')
    atMinute(150)
    await vitals({ moaas: 5, spo2Percent: 98 })
    v = await view()
    const signed = await desk.prescriber.post(`${s}/discharge`, {
      version: v.session.version,
      totpCode: desk.code(),
    })
    expect(signed.statusCode).toBe(200)
    expect(signed.json().session.state).toBe('discharged')
  })
})

describe('an esketamine session: the REMS monitoring form', () => {
  it('the REMS form holds what was recorded, with lot numbers, and is the same when opened later', async () => {
    const form = (await desk.nurse.get(`${s}/rems`)).json()
    expect(form).toMatchObject({
      doseMg: 56,
      lotNumbers: ['SP4415'],
      devices: [
        { number: 1, lotNumber: 'SP4415' },
        { number: 2, lotNumber: 'SP4415' },
      ],
      minutesToReadyWithoutTwoHourRule: 128,
      readyWithoutTwoHourRuleSource: expect.stringMatching(/charting/),
      bpBeforeDose: '122/78',
      bpAt40Min: '134/84',
      bpBeforeEnd: '124/80',
      sedation: true,
      dissociation: true,
      respiratoryDepression: true,
    })
    expect(form.minutesFirstDeviceToEndOfMonitoring).toBeGreaterThanOrEqual(150)
    expect(form.concomitantMedicines.opioids).toMatchObject({ value: null, origin: 'not-recorded' })
    // Opened three days later (a fresh sign-in): the same values, nothing computed at opening.
    desk.t.clock.advanceMinutes(3 * 24 * 60)
    desk.nurse = new Client(desk.t)
    await desk.nurse.signIn(demoEmails.nurse)
    expect((await desk.nurse.get(`${s}/rems`)).json()).toEqual(form)
  })

  it('the nurse can correct the ready moment; the form shows her entry and says so', async () => {
    const early = await desk.nurse.post(`${s}/ready-without-time-rule`, {
      at: new Date(firstDeviceMs - 10 * minute).toISOString(),
    })
    expect(early.statusCode).toBe(400)
    expect(early.json().errors[0].field).toBe('at')
    const after = await desk.nurse.post(`${s}/ready-without-time-rule`, {
      at: new Date(firstDeviceMs + 300 * minute).toISOString(),
    })
    expect(after.statusCode).toBe(400)
    const ok = await desk.nurse.post(`${s}/ready-without-time-rule`, {
      at: new Date(firstDeviceMs + 110 * minute).toISOString(),
      note: 'Alert and oriented at 110 min; check was charted late.',
    })
    expect(ok.statusCode).toBe(200)
    const form = (await desk.nurse.get(`${s}/rems`)).json()
    expect(form.minutesToReadyWithoutTwoHourRule).toBe(110)
    expect(form.readyWithoutTwoHourRuleSource).toBe('entered by Nina Okafor, RN')
  })

  it('concomitant medicines come from the chart where it has them, and the form entry wins', async () => {
    const startedOn = new Date(desk.t.clock.now().getTime() - 14 * 86_400_000).toISOString().slice(0, 10)
    const added = await desk.nurse.post(`${desk.clinicUrl}/patients/${patientId}/trials`, {
      drug: 'Phenelzine',
      drugClass: 'maoi',
      doseAdequate: true,
      weeks: 8,
      adherence: 'good',
      outcome: 'partial',
      isCurrentEpisode: true,
      startedOn,
    })
    expect(added.statusCode).toBe(201)
    let form = (await desk.nurse.get(`${s}/rems`)).json()
    expect(form.concomitantMedicines.maois).toMatchObject({
      value: true,
      origin: 'chart',
      source: expect.stringMatching(/Phenelzine/),
    })
    await desk.nurse.post(`${s}/rems/submitted`, {
      isEnrolled: true,
      concomitant: {
        benzodiazepines: false,
        nonBenzodiazepineHypnotics: false,
        psychostimulants: false,
        maois: true,
        opioids: false,
      },
    })
    form = (await desk.nurse.get(`${s}/rems`)).json()
    expect(form.concomitantMedicines.opioids).toMatchObject({ value: false, origin: 'form' })
    expect(form.concomitantMedicines.maois.source).toMatch(/Nina Okafor/)
    const pdf = await desk.nurse.get(`${s}/rems.pdf`)
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-')
  })
})
