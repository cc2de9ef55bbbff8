import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditEvents } from '../../../../test/support/audit-events'
import { patientIdByMrn, startDemoClinic } from '../../../../test/support/clinic-fixture'
import {
  issueSurveyLink,
  PortalClient,
  patientPassphrase as password,
} from '../../../../test/support/portal-client'
import { Client, demoEmails, type TestApp } from '../../../../test/support/test-app'
import { buildApp } from '../../app'
import { loadConfig } from '../../config'
import { deliverDueMessages } from '../../jobs/outbox'
import { enqueueSurveyReminders } from '../../jobs/survey-reminders'
import type { OutgoingMessage, Transport } from '../../jobs/transport'
import { inOwnerTransaction } from '../../tenancy'
import { createInvite } from './auth'

// Issue 13 points 3 and 4: a portal link is for the patient only, and no usable link is kept at
// rest (outbox) or written to the logs.

let t: TestApp
let frontDesk: Client
let nurse: Client
let admin: Client
let patientId: string
const liveLink = /\/portal\/(invite|s)\/[\w-]{20,}/
const inviteUrl = () => `/api/v1/clinics/${t.clinics.riverside}/patients/${patientId}/portal-invite`

function smtp(): Transport & { sent: OutgoingMessage[] } {
  const sent: OutgoingMessage[] = []
  return { kind: 'smtp', sent, send: async (m) => void sent.push(m) }
}
/** Sends everything due: one pass claims at most 20 messages. */
async function drain(transport: Transport, workerId: string) {
  for (;;) {
    const tally = await deliverDueMessages(t.ctx, transport, workerId)
    if (tally.sent + tally.failed + tally.retried === 0) return
  }
}
const tokenIn = (body: string) => /\/portal\/(?:invite|s)\/([\w-]+)/.exec(body)![1]!

beforeAll(async () => {
  ;({
    t,
    clients: { frontDesk, nurse },
  } = await startDemoClinic({ env: { KETACARE_SESSION_IDLE_MIN: '600' }, roles: ['frontDesk', 'nurse'] }))
  patientId = await patientIdByMrn(frontDesk, t.clinics.riverside, 'RK-2024-0107')
})
afterAll(() => t.close())

describe('portal invite links are for the patient only (issue 13 point 3)', () => {
  it('never shows front desk the link; the patient gets it in the e-mail, issued at send time', async () => {
    const res = await frontDesk.post(inviteUrl(), {})
    expect(res.statusCode).toBe(201)
    expect(res.json()).toMatchObject({ delivery: 'email', inviteUrl: null })
    expect(res.body).not.toMatch(liveLink)
    const transport = smtp()
    await drain(transport, 'w1')
    const mail = transport.sent.find((m) => m.recipient === 'jordan.avery@example.org')!
    expect(mail.body).toMatch(liveLink)
    expect(mail.body).toContain(t.ctx.config.publicUrl)
    const accepted = await new PortalClient(t).call(
      'POST',
      `/api/v1/portal/invites/${tokenIn(mail.body)}/accept`,
      {
        password,
      },
    )
    expect(accepted.statusCode).toBe(200)
  })

  it('refuses front desk a reset of an account in use, and refuses such a reset by link alone', async () => {
    const again = await frontDesk.post(inviteUrl(), {})
    expect(again.statusCode).toBe(403)
    expect(again.json().detail).toMatch(/nurse or prescriber/)
    // An invite issued without a clinician (front desk, or before this rule) for the now active
    // account: the link alone cannot reset it.
    const { token } = await inOwnerTransaction(t.ctx, (tx) =>
      createInvite(tx, t.clinics.riverside, patientId, 'jordan.avery@example.org', t.clock.now(), null),
    )
    const p = new PortalClient(t)
    const refused = await p.call('POST', `/api/v1/portal/invites/${token}/accept`, {
      password: 'attacker chosen password',
    })
    expect(refused.statusCode).toBe(403)
    expect(p.cookie).toBeUndefined()
    // The patient's own password still works; the attacker's does not.
    expect(
      (
        await new PortalClient(t).call('POST', '/api/v1/portal/login', {
          email: 'jordan.avery@example.org',
          password,
        })
      ).statusCode,
    ).toBe(200)
    expect(await auditEvents(t, { action: 'portal.invite-accepted', outcome: 'denied' })).toHaveLength(1)
  })

  it('lets a clinician reset an active account (the way back in after a lost phone)', async () => {
    const res = await nurse.post(inviteUrl(), {})
    expect(res.statusCode).toBe(201)
    // No e-mail server in this test app: the nurse, who may read the chart, is shown it once.
    expect(res.json().delivery).toBe('shown-once')
    const token = res.json().inviteUrl.split('/').pop()
    const ok = await new PortalClient(t).call('POST', `/api/v1/portal/invites/${token}/accept`, { password })
    expect(ok.statusCode).toBe(200)
  })
})

describe('no live tokens at rest (issue 13 point 4)', () => {
  it('keeps no usable link in any outbox row, before or after sending, nor on the Outbox page', async () => {
    t.clock.advanceMinutes(8 * 24 * 60)
    expect(await enqueueSurveyReminders(t.ctx)).toBeGreaterThan(0)
    const transport = smtp()
    await drain(transport, 'w2')
    const reminder = transport.sent.find((m) => m.subject.includes('a short questionnaire for you'))!
    const opened = await new PortalClient(t).call(
      'POST',
      `/api/v1/portal/magic/${tokenIn(reminder.body)}`,
      {},
    )
    expect(opened.statusCode).toBe(200)

    const rows = await t.database.db.selectFrom('outbox_message').select(['kind', 'body']).execute()
    expect(
      rows.filter((r) => r.kind === 'portal-invite' || r.kind === 'survey-reminder').length,
    ).toBeGreaterThan(2)
    for (const row of rows) expect(row.body).not.toMatch(liveLink)
    admin = new Client(t)
    await admin.signIn(demoEmails.admin)
    const page = await admin.get(`/api/v1/clinics/${t.clinics.riverside}/outbox?pageSize=100`)
    expect(page.statusCode).toBe(200)
    expect(page.body).not.toMatch(liveLink)
    expect(page.body).toContain('issued when this e-mail is sent')
  })
})

describe('request logs redact tokens (issue 13 point 4)', () => {
  it('writes no portal token into the log during an invite and a magic-link flow', async () => {
    const lines: string[] = []
    const config = loadConfig({
      KETACARE_SEED_DEMO: 'false',
      LOG_LEVEL: 'info',
      KETACARE_LOGIN_RATE_PER_MIN: '1000',
    })
    const logged = await buildApp(config, t.database, {
      now: t.clock.now,
      logger: true,
      logStream: { write: (line) => void lines.push(line) },
    })
    try {
      const staff = new Client({ ...t, app: logged })
      await staff.signIn(demoEmails.nurse)
      const invite = await staff.post(inviteUrl(), {})
      const inviteToken: string = invite.json().inviteUrl.split('/').pop()
      const surveyId = (
        await t.database.db
          .selectFrom('survey_assignment')
          .select('id')
          .where('patient_id', '=', patientId)
          .executeTakeFirstOrThrow()
      ).id
      const magicToken = await issueSurveyLink(t, patientId, surveyId)
      const p = new PortalClient({ ...t, app: logged })
      await p.call('GET', `/portal/invite/${inviteToken}`)
      await p.call('GET', `/api/v1/portal/invites/${inviteToken}`)
      await p.call('POST', `/api/v1/portal/invites/${inviteToken}/accept`, { password })
      await p.call('GET', `/portal/s/${magicToken}?token=${magicToken}`)
      await p.call('POST', `/api/v1/portal/magic/${magicToken}`, {})
      const log = lines.join('')
      expect(log).toContain('/api/v1/portal/invites/[redacted]/accept')
      expect(log).toContain('/api/v1/portal/magic/[redacted]')
      for (const token of [inviteToken, magicToken]) expect(log).not.toContain(token)
    } finally {
      await logged.close()
    }
  })
})
