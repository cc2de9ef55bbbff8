import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Client, demoEmails, startTestApp, type TestApp } from '../../../test/support/test-app'
import { sealAuditChains } from '../audit/seal-audit'
import { verifyAuditChains } from '../audit/verify-audit'
import { seedDemoClinicalData } from '../seed/demo'
import { deliverDueMessages, enqueueMessage, maxAttempts } from './outbox'
import { enqueueSessionReminders } from './reminders'
import type { OutgoingMessage, Transport } from './transport'

let t: TestApp
beforeAll(async () => {
  t = await startTestApp({ KETACARE_LOGIN_RATE_PER_MIN: '1000' })
  await seedDemoClinicalData(t.ctx, t.demo)
})
afterAll(() => t.close())

function recordingTransport(fail = false): Transport & { sent: OutgoingMessage[] } {
  const sent: OutgoingMessage[] = []
  return {
    kind: 'smtp',
    sent,
    send: async (m) => {
      if (fail) throw new Error('connection refused')
      sent.push(m)
    },
  }
}

const statusOf = async (id: string) =>
  await t.database.db
    .selectFrom('outbox_message')
    .select(['status', 'attempts', 'next_attempt_at'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow()

describe('outbox and reminders', () => {
  it('queues the day-before reminder once per session, with the pre-visit instructions', async () => {
    // The demo books Marcus Holloway two days and an hour ahead: a day later it is tomorrow's.
    t.clock.advanceMinutes(24 * 60)
    expect(await enqueueSessionReminders(t.ctx)).toBe(1)
    expect(await enqueueSessionReminders(t.ctx)).toBe(0)
    const [message] = await t.database.db
      .selectFrom('outbox_message')
      .selectAll()
      .where('kind', '=', 'session-reminder')
      .execute()
    expect(message).toMatchObject({ recipient: 'marcus.holloway@example.org', status: 'queued' })
    expect(message!.body).toMatch(/responsible adult to take you home/)
    expect(message!.body).toMatch(/Do not drive/)
  })

  it('holds messages in the outbox when no SMTP server is configured', async () => {
    const held: Transport = { kind: 'held', send: async () => {} }
    // The reminder, and the demo's staff notices of Grace Kim's suicidal-ideation alert (§4).
    const queued = await t.database.db
      .selectFrom('outbox_message')
      .select(['kind'])
      .where('status', '=', 'queued')
      .execute()
    expect(queued.map((m) => m.kind)).toContain('session-reminder')
    expect(await deliverDueMessages(t.ctx, held, 'w1')).toMatchObject({ held: queued.length })
    const admin = new Client(t)
    await admin.signIn(demoEmails.admin)
    const outbox = (await admin.get(`/api/v1/clinics/${t.clinics.riverside}/outbox`)).json()
    expect(outbox.items.find((m: { kind: string }) => m.kind === 'session-reminder')).toMatchObject({
      status: 'held',
    })
    const nurse = new Client(t)
    await nurse.signIn(demoEmails.nurse)
    expect((await nurse.get(`/api/v1/clinics/${t.clinics.riverside}/outbox`)).statusCode).toBe(403)
  })

  it('retries a failing send with growing back-off, then gives up for a person to look at', async () => {
    await enqueueMessage(
      t.database.db,
      {
        clinicId: t.clinics.riverside,
        kind: 'test',
        dedupeKey: 'retry-1',
        recipient: 'x@example.org',
        subject: 's',
        body: 'b',
      },
      t.clock.now(),
    )
    const row = await t.database.db
      .selectFrom('outbox_message')
      .select('id')
      .where('dedupe_key', '=', 'retry-1')
      .executeTakeFirstOrThrow()
    const failing = recordingTransport(true)
    expect(await deliverDueMessages(t.ctx, failing, 'w1')).toMatchObject({ retried: 1 })
    const first = await statusOf(row.id)
    expect(first).toMatchObject({ status: 'queued', attempts: 1 })
    // Not due yet: nothing is claimed before the back-off has passed.
    expect(await deliverDueMessages(t.ctx, failing, 'w1')).toMatchObject({ retried: 0 })
    for (let i = 1; i < maxAttempts; i++) {
      t.clock.advanceMinutes(400)
      await deliverDueMessages(t.ctx, failing, 'w1')
    }
    expect(await statusOf(row.id)).toMatchObject({ status: 'failed', attempts: maxAttempts })
  })

  it('never sends a message twice, even with workers running side by side', async () => {
    for (let i = 0; i < 30; i++) {
      await enqueueMessage(
        t.database.db,
        {
          clinicId: t.clinics.riverside,
          kind: 'test',
          dedupeKey: `race-${i}`,
          recipient: `p${i}@example.org`,
          subject: 's',
          body: 'b',
        },
        t.clock.now(),
      )
    }
    const transports = [recordingTransport(), recordingTransport(), recordingTransport()]
    await Promise.all(transports.map((tr, i) => deliverDueMessages(t.ctx, tr, `w${i}`)))
    const recipients = transports
      .flatMap((tr) => tr.sent.map((m) => m.recipient))
      .filter((r) => r.startsWith('p'))
    expect(recipients).toHaveLength(30)
    expect(new Set(recipients).size).toBe(30)
    await sealAuditChains(t.database.db)
    const reports = await verifyAuditChains(t.database.db)
    expect(reports.every((r) => r.verdict.ok)).toBe(true)
  })
})

describe('SMTP delivery', () => {
  it('hands messages to a real SMTP conversation through nodemailer', async () => {
    const { startFakeSmtp } = await import('../../../test/support/fake-smtp')
    const { createTransport } = await import('./transport')
    const smtp = await startFakeSmtp()
    try {
      await enqueueMessage(
        t.database.db,
        {
          clinicId: t.clinics.riverside,
          kind: 'test',
          dedupeKey: 'smtp-1',
          recipient: 'patient@example.org',
          subject: 'Your treatment tomorrow',
          body: 'Bring an escort.',
        },
        t.clock.now(),
      )
      const tally = await deliverDueMessages(
        t.ctx,
        createTransport({ url: smtp.url, from: 'KetaCare <clinic@example.org>' }),
        'smtp-worker',
      )
      expect(tally.sent).toBeGreaterThanOrEqual(1)
      const mail = smtp.received.find((m) => m.data.includes('Your treatment tomorrow'))!
      expect(mail.to.join()).toContain('patient@example.org')
      expect(mail.data).toContain('Bring an escort.')
      const row = await t.database.db
        .selectFrom('outbox_message')
        .select(['status', 'sent_at'])
        .where('dedupe_key', '=', 'smtp-1')
        .executeTakeFirstOrThrow()
      expect(row.status).toBe('sent')
    } finally {
      await smtp.close()
    }
  })
})
