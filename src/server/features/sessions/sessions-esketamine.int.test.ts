import { describe, expect, it } from 'vitest'
import { chartPostVitals, chartRecovery } from '../../../../test/support/chair-side'
import { chairSideDesk } from '../../../../test/support/chair-side-desk'
import { phq9Moderate as phq9 } from '../../../../test/support/session-answers'
import { demoEmails } from '../../../../test/support/test-app'

// An esketamine session through the API: two devices 5 minutes apart, discharge held until 2 hours
// after the first, and the REMS monitoring form (esketamine-discharge.int.test.ts has the rest).

const desk = chairSideDesk({ KETACARE_SESSION_IDLE_MIN: '240' })
let sessionId: string
let s: string
const step = async (event: string) => {
  const v = (await desk.nurse.get(s)).json()
  return desk.nurse.post(`${s}/transition`, { event, version: v.session.version })
}

describe('an esketamine session', () => {
  it('books with the REMS records in place; the prescriber checks the dose on the nurse’s tablet', async () => {
    const patientId = await desk.patientIdByMrn('RK-2024-0112')
    // §3 REMS hard stop: the demo records Riverside's setting certification and her enrolment;
    // without either this booking is refused (rems.int.test.ts).
    expect((await desk.nurse.get(`${desk.clinicUrl}/rems/certification`)).json().current).not.toBeNull()
    expect(
      (await desk.nurse.get(`${desk.clinicUrl}/patients/${patientId}/rems-enrolment`)).json().current,
    ).not.toBeNull()
    ;({ id: sessionId, url: s } = await desk.startPreDose(patientId, 3, {
      preChecks: { escortName: undefined, pregnancyStatus: 'not-applicable' },
      vitals: { systolicMmHg: 122, heartRateBpm: 70, spo2Percent: 99 },
      phq9: null,
    }))
    // Her last PHQ-9 was at intake, more than a week ago: it is due before dosing.
    expect(
      (await desk.nurse.get(s)).json().preChecks.items.find((i: { id: string }) => i.id === 'phq9').status,
    ).toBe('pending')
    await desk.nurse.post(`${s}/scores`, { instrumentId: 'phq9', context: 'pre', answers: phq9 })
    await desk.nurse.post(`${s}/dose`, { weightKg: 59 })
    // On the nurse's tablet, the prescriber checks the dose with their own password.
    const prescriberId = (await desk.prescriber.get('/api/v1/auth/me')).json().user.id
    const nurseId = (await desk.nurse.get('/api/v1/auth/me')).json().user.id
    const selfCheck = await desk.nurse.post(`${s}/dose/check`, {
      checker: { userId: nurseId, password: 'irrelevant' },
    })
    expect(selfCheck.statusCode).toBe(409)
    const wrongPassword = await desk.nurse.post(`${s}/dose/check`, {
      checker: { userId: prescriberId, password: 'not-it' },
    })
    expect(wrongPassword.statusCode).toBe(401)
    expect(wrongPassword.json().errors[0].field).toBe('witness.password')
    const password = desk.t.demo.find((d) => d.email === demoEmails.prescriber)!.password
    const checkedHere = await desk.nurse.post(`${s}/dose/check`, {
      checker: { userId: prescriberId, password },
    })
    expect(checkedHere.json().dose.checkedBy).toBe('Dr. Priya Raman')
  })

  it('spaces devices 5 minutes apart and holds discharge until 2 hours after the first', async () => {
    await desk.prescriber.post(`${s}/supervision`, {})
    expect((await step('start-dosing')).json().session.state).toBe('dosing')
    const first = (await desk.nurse.post(`${s}/devices`, {})).json()
    expect(first.devices.plan.deviceCount).toBe(2)
    const early = await desk.nurse.post(`${s}/devices`, {})
    expect(early.statusCode).toBe(409)
    expect(early.json().detail).toMatch(/5 minutes/)
    desk.t.clock.advanceMinutes(5)
    expect((await desk.nurse.post(`${s}/devices`, {})).json().devices.isComplete).toBe(true)
    await step('finish-dosing')
    await chartRecovery(desk.nurse, s)
    desk.t.clock.advanceMinutes(60)
    await chartPostVitals(desk.nurse, s, { heartRateBpm: 72 })
    let v = (await desk.nurse.get(s)).json()
    expect(v.discharge.criteria.find((c: { id: string }) => c.id === 'observation-time').isMet).toBe(false)
    // §3: the nurse's dissociation check (see esketamine-discharge.int.test.ts for the rest).
    await desk.nurse.post(`${s}/dissociation-check`, { isResolved: true })
    desk.t.clock.advanceMinutes(56)
    await chartPostVitals(desk.nurse, s, { systolicMmHg: 124, heartRateBpm: 70 })
    v = (await desk.nurse.get(s)).json()
    expect(v.discharge.isReady).toBe(true)
    v = (await desk.nurse.post(`${s}/transition`, { event: 'mark-ready', version: v.session.version })).json()
    v = (
      await desk.prescriber.post(`${s}/discharge`, { version: v.session.version, totpCode: desk.code() })
    ).json()
    expect(v.session.remsDueAt).toBeTruthy()
    const rems = (await desk.nurse.get(`${s}/rems`)).json()
    expect(rems).toMatchObject({ doseMg: 56, isFirstTreatment: true, vitalsAcceptableBeforeDosing: true })
    expect(rems.minutesFirstDeviceToEndOfMonitoring).toBeGreaterThanOrEqual(120)
    const board = (await desk.nurse.get(`${desk.clinicUrl}/board?date=2026-11-27`)).json()
    expect(board.remsOwed.map((r: { sessionId: string }) => r.sessionId)).toContain(sessionId)
  })

  it('records the REMS monitoring form as submitted', async () => {
    const submitted = await desk.nurse.post(`${s}/rems/submitted`, {
      isEnrolled: true,
      concomitant: {
        benzodiazepines: false,
        nonBenzodiazepineHypnotics: false,
        psychostimulants: false,
        maois: false,
        opioids: false,
      },
    })
    expect(submitted.json().session.remsSubmittedAt).toBeTruthy()
  })
})
