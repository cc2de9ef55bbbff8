import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { issueSurveyLink, PortalClient, patientPassphrase } from '../../../../test/support/portal-client'
import { expectSafetyNotices } from '../../../../test/support/safety-notices'
import { Client, demoEmails, startTestApp, type TestApp } from '../../../../test/support/test-app'
import type { OutgoingMessage } from '../../jobs/transport'
import { seedDemoClinicalData } from '../../seed/demo'

let t: TestApp
let staff: Client
let patientId: string
let inviteToken: string

const phq9 = (item9: number) =>
  Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`phq9_${i + 1}`, i === 8 ? item9 : 2]))

beforeAll(async () => {
  t = await startTestApp({ KETACARE_LOGIN_RATE_PER_MIN: '1000', KETACARE_SESSION_IDLE_MIN: '600' })
  await seedDemoClinicalData(t.ctx, t.demo, { withSessions: false })
  staff = new Client(t)
  await staff.signIn(demoEmails.frontDesk)
  patientId = (await staff.get(`/api/v1/clinics/${t.clinics.riverside}/patients?q=RK-2024-0107`)).json()
    .items[0].id
})
afterAll(() => t.close())

describe('patient portal', () => {
  it('invites a patient from the clinic: e-mailed through the outbox, shown once to a nurse without SMTP', async () => {
    // Front desk may invite, but never sees the link (issue 13): it goes by e-mail only.
    const byFrontDesk = await staff.post(
      `/api/v1/clinics/${t.clinics.riverside}/patients/${patientId}/portal-invite`,
      {},
    )
    expect(byFrontDesk.statusCode).toBe(201)
    expect(byFrontDesk.json()).toMatchObject({ delivery: 'email', inviteUrl: null, emailConfigured: false })
    // With no e-mail server, a nurse (who may read the chart) is shown the link once.
    const nurse = new Client(t)
    await nurse.signIn(demoEmails.nurse)
    const res = await nurse.post(
      `/api/v1/clinics/${t.clinics.riverside}/patients/${patientId}/portal-invite`,
      {},
    )
    expect(res.statusCode).toBe(201)
    expect(res.json().delivery).toBe('shown-once')
    inviteToken = res.json().inviteUrl.split('/').pop()
    const queued = await t.database.db
      .selectFrom('outbox_message')
      .select(['recipient', 'body'])
      .where('kind', '=', 'portal-invite')
      .execute()
    expect(queued[0]!.recipient).toBe('jordan.avery@example.org')
    expect(queued.map((m) => m.body).join('\n')).not.toContain(inviteToken)
    expect(queued[0]!.body).toContain('[one-time link, issued when this e-mail is sent]')
    expect(
      (await staff.get(`/api/v1/clinics/${t.clinics.riverside}/patients/${patientId}/portal`)).json()
        .hasAccount,
    ).toBe(false)
  })

  it('accepts the invite once, with a long enough password', async () => {
    const p = new PortalClient(t)
    expect((await p.call('GET', `/api/v1/portal/invites/${inviteToken}`)).json()).toMatchObject({
      givenName: 'Jordan',
      clinicName: 'Riverside Ketamine Clinic',
    })
    const short = await p.call('POST', `/api/v1/portal/invites/${inviteToken}/accept`, { password: 'short' })
    expect(short.statusCode).toBe(400)
    expect(short.json().errors[0].field).toBe('password')
    expect(
      (
        await p.call('POST', `/api/v1/portal/invites/${inviteToken}/accept`, {
          password: patientPassphrase,
        })
      ).statusCode,
    ).toBe(200)
    expect((await p.call('GET', '/api/v1/portal/me')).json()).toMatchObject({
      patient: { givenName: 'Jordan' },
      scope: 'full',
    })
    const again = await new PortalClient(t).call('POST', `/api/v1/portal/invites/${inviteToken}/accept`, {
      password: 'another long passphrase',
    })
    expect(again.statusCode).toBe(410)
  })
})

describe('patient portal: answering questionnaires', () => {
  it('saves answers as they come, refuses an incomplete submit, and alerts the clinic on item 9', async () => {
    const p = new PortalClient(t)
    expect(
      (
        await p.call('POST', '/api/v1/portal/login', {
          email: 'Jordan.Avery@example.org',
          password: patientPassphrase,
        })
      ).statusCode,
    ).toBe(200)
    const surveys = (await p.call('GET', '/api/v1/portal/surveys')).json()
    expect(surveys.map((s: { instrumentId: string }) => s.instrumentId).sort()).toEqual(['gad7', 'phq9'])
    const survey = surveys.find((s: { instrumentId: string }) => s.instrumentId === 'phq9')
    expect(
      (
        await p.call(
          'PUT',
          `/api/v1/portal/surveys/${survey.id}`,
          { answers: { phq9_1: 2 } },
          { csrf: false },
        )
      ).statusCode,
    ).toBe(403)
    await p.call('PUT', `/api/v1/portal/surveys/${survey.id}`, { answers: { phq9_1: 2, phq9_2: 3 } })
    const resumed = (await p.call('GET', '/api/v1/portal/surveys'))
      .json()
      .find((s: { id: string }) => s.id === survey.id)
    expect(resumed).toMatchObject({ status: 'in-progress', answers: { phq9_1: 2, phq9_2: 3 } })
    const incomplete = await p.call('POST', `/api/v1/portal/surveys/${survey.id}/submit`, {
      answers: { phq9_1: 2 },
    })
    expect(incomplete.statusCode).toBe(400)
    expect(incomplete.json().errors[0].field).toMatch(/^items\.phq9_/)
    const submitted = await p.call('POST', `/api/v1/portal/surveys/${survey.id}/submit`, { answers: phq9(1) })
    expect(submitted.json()).toMatchObject({ total: 17, isCrisis: true })
    const nurse = new Client(t)
    await nurse.signIn(demoEmails.nurse)
    const chart = (
      await nurse.get(`/api/v1/clinics/${t.clinics.riverside}/patients/${patientId}/chart`)
    ).json()
    expect(chart.openAlerts[0].message).toMatch(/PHQ-9/)
    const notices = await expectSafetyNotices(t, patientId)
    expect(notices[0]!.body).not.toContain('Jordan')
    expect(
      (await p.call('GET', '/api/v1/portal/surveys')).json().some((s: { id: string }) => s.id === survey.id),
    ).toBe(false)
  })
})

describe('patient portal: records, links and lockout', () => {
  it('shows progress, appointments and documents, and only the patient’s own', async () => {
    const p = new PortalClient(t)
    await p.call('POST', '/api/v1/portal/login', {
      email: 'jordan.avery@example.org',
      password: patientPassphrase,
    })
    const progress = (await p.call('GET', '/api/v1/portal/progress')).json()
    const phq = progress.series.find((s: { instrumentId: string }) => s.instrumentId === 'phq9')
    expect(phq.points.length).toBeGreaterThanOrEqual(2)
    expect(phq.responseAt).toBe(Math.floor(phq.baseline / 2))
    const docs = (await p.call('GET', '/api/v1/portal/documents')).json()
    const consent = docs.find((d: { kind: string }) => d.kind === 'consent')
    const pdf = await p.call('GET', consent.url)
    expect(pdf.headers['content-type']).toBe('application/pdf')
    // Another patient's consent is not found, and staff routes do not accept a portal cookie.
    const other = await t.database.db
      .selectFrom('consent')
      .select('id')
      .where('patient_id', '!=', patientId)
      .executeTakeFirstOrThrow()
    expect((await p.call('GET', `/api/v1/portal/documents/consent/${other.id}.pdf`)).statusCode).toBe(404)
    expect((await p.call('GET', `/api/v1/clinics/${t.clinics.riverside}/patients`)).statusCode).toBe(401)
  })

  it('opens a one-time questionnaire link limited to that survey', async () => {
    const survey = await t.database.db
      .selectFrom('survey_assignment')
      .select(['id'])
      .where('patient_id', '=', patientId)
      .where('instrument_id', '=', 'gad7')
      .executeTakeFirstOrThrow()
    const token = await issueSurveyLink(t, patientId, survey.id)
    const p = new PortalClient(t)
    const opened = await p.call('POST', `/api/v1/portal/magic/${token}`, {})
    expect(opened.json().surveyId).toBe(survey.id)
    expect((await p.call('GET', '/api/v1/portal/surveys')).json().map((s: { id: string }) => s.id)).toEqual([
      survey.id,
    ])
    expect((await p.call('GET', '/api/v1/portal/progress')).statusCode).toBe(403)
    expect((await new PortalClient(t).call('POST', `/api/v1/portal/magic/${token}`, {})).statusCode).toBe(410)
    t.clock.advanceMinutes(3 * 24 * 60)
    const late = await issueSurveyLink(t, patientId, survey.id, -1000)
    expect((await new PortalClient(t).call('POST', `/api/v1/portal/magic/${late}`, {})).statusCode).toBe(410)
  })

  it('locks a portal account after repeated wrong passwords', async () => {
    const codes: number[] = []
    for (let i = 0; i < 6; i++)
      codes.push(
        (
          await new PortalClient(t).call('POST', '/api/v1/portal/login', {
            email: 'jordan.avery@example.org',
            password: 'wrong password here',
          })
        ).statusCode,
      )
    expect(codes.slice(0, 5)).toEqual([401, 401, 401, 401, 401])
    expect(codes[5]).toBe(423)
  })
})

describe('questionnaire reminders', () => {
  it('sends no reminder while the patient is using the portal, and sends it once they have been away', async () => {
    const { enqueueSurveyReminders, reminderQuietMinutes } = await import('../../jobs/survey-reminders')
    // A new week makes new questionnaires due; the patient has just signed in.
    t.clock.advanceMinutes(7 * 24 * 60)
    await t.database.db
      .updateTable('patient_account')
      .set({ last_sign_in_at: t.ctx.now() })
      .where('patient_id', '=', patientId)
      .execute()
    expect(await enqueueSurveyReminders(t.ctx)).toBe(0)
    t.clock.advanceMinutes(reminderQuietMinutes + 1)
    expect(await enqueueSurveyReminders(t.ctx)).toBeGreaterThanOrEqual(2)
  })

  it('e-mails each newly due questionnaire once, with a one-time link that opens it', async () => {
    const { enqueueSurveyReminders } = await import('../../jobs/survey-reminders')
    t.clock.advanceMinutes(7 * 24 * 60)
    const first = await enqueueSurveyReminders(t.ctx)
    expect(first).toBeGreaterThanOrEqual(2)
    expect(await enqueueSurveyReminders(t.ctx)).toBe(0)
    const message = await t.database.db
      .selectFrom('outbox_message')
      .select(['recipient', 'body'])
      .where('kind', '=', 'survey-reminder')
      .orderBy('created_at', 'desc')
      .executeTakeFirstOrThrow()
    expect(message.recipient).toBe('jordan.avery@example.org')
    expect(message.body).toMatch(/988/)
    // The stored message holds no link; the one in the e-mail is issued as it is sent.
    expect(message.body).not.toMatch(/\/portal\/s\/[\w-]{20,}/)
    const sent: OutgoingMessage[] = []
    const { deliverDueMessages } = await import('../../jobs/outbox')
    // A pass claims at most 20 messages: drain the outbox.
    for (;;) {
      const tally = await deliverDueMessages(
        t.ctx,
        { kind: 'smtp', send: async (m) => void sent.push(m) },
        'w-test',
      )
      if (tally.sent + tally.failed + tally.retried === 0) break
    }
    const mail = sent.filter((m) => m.subject.includes('a short questionnaire for you')).at(-1)!
    const token = /\/portal\/s\/(\S+)/.exec(mail.body)![1]!
    const opened = await new PortalClient(t).call('POST', `/api/v1/portal/magic/${token}`, {})
    expect(opened.statusCode).toBe(200)
    expect(opened.json().surveyId).toBeTruthy()
  })
})
