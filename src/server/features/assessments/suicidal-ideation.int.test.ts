import { describe, expect, it } from 'vitest'
import { chartPostVitals, chartRecovery, sessionDriver } from '../../../../test/support/chair-side'
import { chairSideDesk } from '../../../../test/support/chair-side-desk'
import { patientIdByMrn } from '../../../../test/support/clinic-fixture'
import { issueSurveyLink, PortalClient, patientPassphrase } from '../../../../test/support/portal-client'
import { expectSafetyNotices } from '../../../../test/support/safety-notices'
import { Client, demoEmails } from '../../../../test/support/test-app'
import { uuidv7 } from '../../ids'

// Issue 12 point 1 through the API: every depression instrument's suicidal-ideation item opens a
// safety alert at the clinic's warning/urgent level (clinical-reference §4), a C-SSRS moderate
// alert holds discharge until acknowledged, and a portal answer notifies staff.

const desk = chairSideDesk({ KETACARE_SESSION_IDLE_MIN: '600' })

/** Item values in order, keyed as the instrument's items (`qids_1` …); null leaves one blank. */
const items = (prefix: string, values: (number | null)[]) =>
  Object.fromEntries(values.map((v, i) => [`${prefix}_${i + 1}`, v]))
// QIDS-SR16 with 7 and 9 blank (the either/or form, §4) and item 12 as given.
const qids = (item12: number) => items('qids', [1, 1, 1, 0, 2, 1, null, 1, null, 1, 1, item12, 1, 1, 1, 0])
const madrs = (item10: number) => items('madrs', [3, 3, 2, 3, 2, 3, 2, 3, 3, item10])

/** `client` charts an instrument for Luis Reyes (RK-2024-0125): his id and the reply. */
async function chartForLuis(client: Client, instrumentId: string, context: string, answers: object) {
  const id = await patientIdByMrn(desk.nurse, desk.t.clinics.riverside, 'RK-2024-0125')
  const res = await client.post(`${desk.clinicUrl}/patients/${id}/responses`, {
    instrumentId,
    context,
    answers,
  })
  return { id, res }
}

describe('suicidal-ideation items open safety alerts (§4)', () => {
  it('QIDS-SR16 item 12 = 2 opens an urgent alert; the form with 7 and 9 blank is complete', async () => {
    const { res } = await chartForLuis(desk.nurse, 'qids-sr16', 'between', qids(2))
    expect(res.statusCode, res.body).toBe(201)
    expect(res.json().response.total).toBe(11)
    expect(res.json().alerts).toEqual([
      expect.objectContaining({
        kind: 'suicide-risk',
        severity: 'urgent',
        message: expect.stringMatching(/^QIDS-SR16: Item 12 .*answered 2/),
      }),
    ])
  })

  it('refuses a QIDS-SR16 with both of items 6 and 7 blank, naming the pair (§4 form)', async () => {
    const { res } = await chartForLuis(desk.nurse, 'qids-sr16', 'between', { ...qids(0), qids_6: null })
    expect(res.statusCode).toBe(400)
    expect(res.json().errors[0]).toMatchObject({
      field: 'items.qids_6',
      message: expect.stringMatching(/qids_7/),
    })
  })

  it('MADRS item 10 = 2 opens a warning alert, acknowledged with a note like an urgent one', async () => {
    const { id, res } = await chartForLuis(desk.prescriber, 'madrs', 'follow-up', madrs(2))
    expect(res.statusCode, res.body).toBe(201)
    const [alert] = res.json().alerts
    expect(alert).toMatchObject({ severity: 'warning', message: expect.stringMatching(/^MADRS: Item 10/) })
    const ackUrl = `${desk.clinicUrl}/patients/${id}/alerts/${alert.id}/acknowledge`
    expect((await desk.nurse.post(ackUrl, { note: '' })).statusCode).toBe(400)
    const acked = await desk.nurse.post(ackUrl, {
      note: 'Discussed; passive thoughts only, safety plan in place.',
    })
    expect(acked.statusCode).toBe(200)
    expect(acked.json()).toMatchObject({ severity: 'warning', acknowledgementNote: /safety plan/ })
  })

  it('uses the clinic’s own thresholds when it changed them (§4 clinic setting)', async () => {
    const hillcrest = desk.t.clinics.hillcrest
    const { settings } = await desk.t.database.db
      .selectFrom('clinic')
      .select('settings')
      .where('id', '=', hillcrest)
      .executeTakeFirstOrThrow()
    await desk.t.database.db
      .updateTable('clinic')
      .set({
        settings: JSON.stringify({
          ...settings,
          suicidalIdeation: {
            qidsItem12: { urgentAtOrAbove: 3 },
            madrsItem10: { warningAtOrAbove: 3, urgentAtOrAbove: 5 },
          },
        }),
      })
      .where('id', '=', hillcrest)
      .execute()
    const nurse2 = new Client(desk.t)
    await nurse2.signIn(demoEmails.nurse2)
    const id = await patientIdByMrn(nurse2, hillcrest, 'HC-0044')
    const record = (instrumentId: string, answers: Record<string, number | null>) =>
      nurse2.post(`/api/v1/clinics/${hillcrest}/patients/${id}/responses`, {
        instrumentId,
        context: 'follow-up',
        answers,
      })
    const q2 = (await record('qids-sr16', qids(2))).json()
    expect(q2.alerts.map((a: { severity: string }) => a.severity)).toEqual(['warning'])
    expect((await record('qids-sr16', qids(3))).json().alerts[0].severity).toBe('urgent')
    const m2 = (await record('madrs', madrs(2))).json()
    expect(m2.response.flags).toEqual([])
    expect(m2.alerts).toEqual([])
    expect((await record('madrs', madrs(5))).json().alerts[0].severity).toBe('urgent')
    // Riverside keeps the defaults.
    const { res: r2 } = await chartForLuis(desk.prescriber, 'madrs', 'follow-up', madrs(2))
    expect(r2.json().alerts[0].severity).toBe('warning')
  })
})

describe('a C-SSRS moderate alert holds discharge (§4)', () => {
  it('blocks the discharge sign-off until a clinician acknowledges it with a note', async () => {
    const id = await patientIdByMrn(desk.nurse, desk.t.clinics.riverside, 'RK-2024-0107')
    // Item 3 (thought about how) without intent, plan or behaviour: moderate by the §4 mapping.
    const { url: s, screened } = await desk.startPreDose(id, 0, {
      cssrs: {
        cssrs_1: true,
        cssrs_2: true,
        cssrs_3: true,
        cssrs_4: false,
        cssrs_5: false,
        cssrs_6: false,
      },
      phq9: items('phq9', [2, 2, 2, 2, 1, 2, 1, 1, 0]),
    })
    const { view, stepOk: step } = sessionDriver(desk.nurse, s)
    expect(screened.statusCode, screened.body).toBe(200)
    expect(screened.json().safetyAlerts).toEqual([
      expect.objectContaining({ severity: 'warning', message: expect.stringMatching(/moderate risk/) }),
    ])
    expect((await view()).preChecks.status).toBe('passed')
    await desk.nurse.post(`${s}/dose`, { weightKg: 70, vialMgPerMl: 50 })
    await desk.prescriber.post(`${s}/dose/check`, { totpCode: desk.code() })
    const stock = (await desk.nurse.get(`${desk.clinicUrl}/ledger/stock`)).json()
    const lot = stock.lots.find(
      (l: { drug: string; expiryStatus: string; balanceMg: string }) =>
        l.drug === 'racemic-ketamine' && l.expiryStatus !== 'expired' && Number(l.balanceMg) >= 35,
    )
    expect((await desk.nurse.post(`${s}/dose/draw`, { lotId: lot.id })).statusCode).toBe(200)
    await desk.prescriber.post(`${s}/supervision`, {})
    await step(desk.nurse, 'start-dosing')
    await desk.nurse.post(`${s}/infusion`, { action: 'start' })
    await desk.intraReading(s, 41, {
      systolicMmHg: 132,
      diastolicMmHg: 82,
      heartRateBpm: 78,
      spo2Percent: 98,
    })
    await step(desk.nurse, 'finish-dosing')
    await chartRecovery(desk.nurse, s)
    desk.t.clock.advanceMinutes(31)
    await chartPostVitals(desk.nurse, s)
    // Marking ready is the nurse's call; only the sign-off waits for the acknowledgement.
    await step(desk.nurse, 'mark-ready')
    let v = await view()
    expect(v.transitions.find((o: { event: string }) => o.event === 'discharge')).toMatchObject({
      isAllowed: false,
      blockedBy: [{ guard: 'suicide-alerts-acknowledged', reason: expect.stringMatching(/acknowledge/) }],
    })
    const blocked = await desk.prescriber.post(`${s}/discharge`, {
      version: v.session.version,
      totpCode: desk.code(),
    })
    expect(blocked.statusCode).toBe(409)
    expect(blocked.json().detail).toMatch(/suicidal-ideation safety alert is open/)

    const [alert] = v.safetyAlerts
    const ack = await desk.nurse.post(`${desk.clinicUrl}/patients/${id}/alerts/${alert.id}/acknowledge`, {
      note: 'Reviewed with Dr. Raman: no intent; safety plan updated, escort aware.',
    })
    expect(ack.statusCode).toBe(200)
    v = await view()
    expect(v.safetyAlerts).toEqual([])
    const discharged = await desk.prescriber.post(`${s}/discharge`, {
      version: v.session.version,
      totpCode: desk.code(),
    })
    expect(discharged.statusCode, discharged.body).toBe(200)
    expect(discharged.json().session.state).toBe('discharged')
  })
})

describe('portal QIDS-SR16 with a suicidal-ideation answer (§4)', () => {
  it('shows crisis resources, opens the alert and e-mails staff without patient details', async () => {
    const id = await patientIdByMrn(desk.nurse, desk.t.clinics.riverside, 'RK-2024-0121')
    const now = desk.t.clock.now()
    const surveyId = uuidv7(now.getTime())
    await desk.t.database.db
      .insertInto('survey_assignment')
      .values({
        id: surveyId,
        clinic_id: desk.t.clinics.riverside,
        patient_id: id,
        instrument_id: 'qids-sr16',
        reason: 'after-session',
        session_id: null,
        dedupe_key: `test:${surveyId}`,
        due_at: now,
        status: 'due',
        answers: '{}',
        response_id: null,
        created_at: now,
        updated_at: now,
      })
      .execute()
    // A chart reader is shown the link once when no e-mail server is configured (issue 13).
    const invite = await desk.nurse.post(`${desk.clinicUrl}/patients/${id}/portal-invite`, {})
    const p = new PortalClient(desk.t)
    await p.call('POST', `/api/v1/portal/invites/${invite.json().inviteUrl.split('/').pop()}/accept`, {
      password: patientPassphrase,
    })
    // A link from the reminder e-mail opens just this questionnaire, as after a session.
    await p.call('POST', `/api/v1/portal/magic/${await issueSurveyLink(desk.t, id, surveyId)}`, {})
    const listed = await p.call('GET', '/api/v1/portal/surveys')
    expect(listed.statusCode, listed.body).toBe(200)
    const [survey] = listed.json()
    // The portal gets the clinic's thresholds, so its crisis notice shows at the same answer.
    expect(survey.suicidalIdeation.qidsItem12).toEqual({ warningAtOrAbove: 1, urgentAtOrAbove: 2 })
    const submitted = await p.call('POST', `/api/v1/portal/surveys/${surveyId}/submit`, { answers: qids(1) })
    expect(submitted.statusCode, submitted.body).toBe(200)
    expect(submitted.json()).toMatchObject({ isCrisis: true })
    const chart = (await desk.nurse.get(`${desk.clinicUrl}/patients/${id}/chart`)).json()
    expect(chart.openAlerts).toEqual([
      expect.objectContaining({ severity: 'warning', message: expect.stringMatching(/^QIDS-SR16: Item 12/) }),
    ])
    const notices = await expectSafetyNotices(desk.t, id)
    expect(notices[0]!.body).not.toMatch(/Maya|Chen|QIDS/)
  })
})
