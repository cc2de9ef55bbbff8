import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Client, demoEmails, startTestApp, type TestApp } from '../../../test/support/test-app'
import { sealAuditChains } from '../audit/seal-audit'
import { verifyAuditChains } from '../audit/verify-audit'
import { seedDemoClinicalData } from './demo'

let t: TestApp
beforeAll(async () => {
  t = await startTestApp()
  await seedDemoClinicalData(t.ctx, t.demo)
})
afterAll(() => t.close())

describe('demo data', () => {
  it('puts patients at every stage of intake, entered through the audited services', async () => {
    // A nurse: front desk sees no stage (issue 13), only whether a session can be booked.
    const c = new Client(t)
    await c.signIn(demoEmails.nurse)
    const { items } = (await c.get(`/api/v1/clinics/${t.clinics.riverside}/patients?pageSize=50`)).json()
    const stages = new Set(items.map((p: { stage: string }) => p.stage))
    expect([...stages].sort()).toEqual([
      'awaiting-decision',
      'declined',
      'deferred',
      'eligible',
      'intake',
      'ready-for-treatment',
    ])
    expect(items.some((p: { openAlerts: number }) => p.openAlerts > 0)).toBe(true)
    await sealAuditChains(t.database.db)
    const reports = await verifyAuditChains(t.database.db)
    expect(reports.every((r) => r.verdict.ok)).toBe(true)
  })
})

describe('demo sessions', () => {
  it("fill today's board: discharged, dosing and monitoring sessions, and a REMS form owed", async () => {
    const c = new Client(t)
    await c.signIn(demoEmails.nurse)
    const board = (await c.get(`/api/v1/clinics/${t.clinics.riverside}/board`)).json()
    const states = board.sessions.map((s: { state: string }) => s.state).sort()
    expect(states).toEqual(['discharged', 'dosing', 'monitoring'])
    const dosing = board.sessions.find((s: { state: string }) => s.state === 'dosing')
    expect(dosing.nextVitalsDueAt).toBeTruthy()
    // Its infusion has a BP above 180/110: one alert acknowledged (dimmed), one open, a recheck due.
    expect(dosing.openAlerts.map((a: { code: string }) => a.code)).toEqual(['bp-high-sustained'])
    const view = (await c.get(`/api/v1/clinics/${t.clinics.riverside}/sessions/${dosing.id}`)).json()
    expect(
      view.alerts.map((a: { code: string; acknowledged: unknown }) => [a.code, a.acknowledged !== null]),
    ).toEqual([
      ['bp-high', true],
      ['bp-high-sustained', false],
    ])
    expect(view.nextVitalsDue.recheck).toMatchObject({ measure: 'blood-pressure' })
    expect(board.remsOwed).toHaveLength(1)
    const hillcrest = new Client(t)
    await hillcrest.signIn(demoEmails.nurse2)
    const other = (await hillcrest.get(`/api/v1/clinics/${t.clinics.hillcrest}/board`)).json()
    expect(other.sessions.map((s: { state: string }) => s.state)).toEqual(['monitoring'])
  })
})

describe('demo safety alerts', () => {
  it('has a patient whose QIDS-SR16 item 12 from the portal opened an urgent alert (§4), on her chart', async () => {
    const c = new Client(t)
    await c.signIn(demoEmails.nurse)
    const base = `/api/v1/clinics/${t.clinics.riverside}/patients`
    const grace = (await c.get(`${base}?q=RK-2024-0112`)).json().items[0]
    expect(grace.openAlerts).toBe(1)
    const chart = (await c.get(`${base}/${grace.id}/chart`)).json()
    expect(chart.openAlerts).toEqual([
      expect.objectContaining({
        kind: 'suicide-risk',
        severity: 'urgent',
        message: expect.stringMatching(/^QIDS-SR16: Item 12 .* answered 2/),
      }),
    ])
    // Her intake MADRS warning was acknowledged with a note before her plan was approved.
    const { alerts } = (await c.get(`${base}/${grace.id}/assessments`)).json()
    expect(alerts.find((a: { message: string }) => a.message.startsWith('MADRS'))).toMatchObject({
      severity: 'warning',
      acknowledgementNote: expect.stringMatching(/no intent or plan/),
    })
  })
})
