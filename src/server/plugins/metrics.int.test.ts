import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditEvents } from '../../../test/support/audit-events'
import { Client, demoEmails, startTestApp, type TestApp } from '../../../test/support/test-app'
import { seedDemoClinicalData } from '../seed/demo'

// Issue 13 "Metrics": /metrics in the Prometheus format, off unless enabled, never holding patient
// data, and (with a token) only for its bearer, a wrong token being audited.

const token = 'scrape-token-0123456789'
let t: TestApp
let off: TestApp

beforeAll(async () => {
  t = await startTestApp({ KETACARE_METRICS: 'true', KETACARE_METRICS_TOKEN: token })
  off = await startTestApp()
  await seedDemoClinicalData(t.ctx, t.demo, { withSessions: false })
})
afterAll(async () => {
  await t.close()
  await off.close()
})

const scrape = (app: TestApp, authorization?: string) =>
  app.app.inject({ method: 'GET', url: '/metrics', headers: authorization ? { authorization } : {} })

describe('/metrics (issue 13)', () => {
  it('is not served unless KETACARE_METRICS is on', async () => {
    expect((await scrape(off, `Bearer ${token}`)).statusCode).toBe(404)
  })

  it('refuses a missing or wrong token and audits the attempt', async () => {
    expect((await scrape(t)).statusCode).toBe(401)
    expect((await scrape(t, 'Bearer wrong-token-0123456789')).statusCode).toBe(401)
    const denials = await auditEvents(t, { action: 'metrics.read' })
    expect(denials).toHaveLength(2)
    expect(denials.every((d) => d.outcome === 'denied')).toBe(true)
  })

  it('reports latency by route template, the pool, the outbox and worker lag, and no patient data', async () => {
    const nurse = new Client(t)
    await nurse.signIn(demoEmails.nurse)
    const list = (await nurse.get(`/api/v1/clinics/${t.clinics.riverside}/patients`)).json()
    const patient = list.items[0]
    const chart = await nurse.get(`/api/v1/clinics/${t.clinics.riverside}/patients/${patient.id}`)
    expect(chart.statusCode).toBe(200)

    const reply = await scrape(t, `Bearer ${token}`)
    expect(reply.statusCode).toBe(200)
    expect(reply.headers['content-type']).toContain('text/plain')
    const text = reply.body
    expect(text).toMatch(
      /ketacare_http_request_duration_seconds_count\{route="\/api\/v1\/clinics\/:clinicId\/patients\/:patientId",method="GET",status="200"\} 1/,
    )
    expect(text).toMatch(/ketacare_db_pool_connections\{state="total"\} \d+/)
    expect(text).toMatch(/ketacare_outbox_messages\{status="queued"\} \d+/)
    expect(text).toMatch(/ketacare_outbox_worker_lag_seconds \d+/)
    expect(text).toContain('ketacare_live_streams')
    for (const secret of [patient.id, patient.mrn, patient.familyName, t.clinics.riverside, demoEmails.nurse])
      expect(text).not.toContain(secret)
  })
})
