import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Client, demoEmails, staffUser, startTestApp, type TestApp } from '../../../../test/support/test-app'
import { clinicDayBounds } from '../../../domain/time'
import { hashToken } from '../../ids'
import { seedDemoClinicalData } from '../../seed/demo'

let t: TestApp
let admin: Client
beforeAll(async () => {
  t = await startTestApp({ KETACARE_LOGIN_RATE_PER_MIN: '1000', KETACARE_SESSION_IDLE_MIN: '600' })
  await seedDemoClinicalData(t.ctx, t.demo)
  admin = new Client(t)
  await admin.signIn(demoEmails.admin)
})
afterAll(() => t.close())

const displaysUrl = (clinicId: string) => `/api/v1/clinics/${clinicId}/board-displays`
const readBoard = (token: string | null) =>
  t.app.inject({
    method: 'GET',
    url: '/api/v1/board-display',
    headers: token ? { authorization: `Bearer ${token}` } : {},
  })

async function auditRows(action: string) {
  return t.database.db
    .selectFrom('audit_event')
    .select(['outcome', 'clinic_id', 'detail', 'actor_email'])
    .where('action', '=', action)
    .orderBy('seq')
    .execute()
}

describe('board display', () => {
  it('shows a display token once, keeps only its hash, and shows no more than chair, initial, phase and timers', async () => {
    const created = await admin.post(displaysUrl(t.clinics.riverside), { name: "Nurses' station" })
    expect(created.statusCode).toBe(201)
    const { id, token } = created.json()
    expect(token).toMatch(/^[A-Za-z0-9_-]{40,}$/)
    const row = await t.database.db
      .selectFrom('board_display')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
    expect(row.token_hash).not.toContain(token)
    const list = await admin.get(displaysUrl(t.clinics.riverside))
    expect(list.statusCode).toBe(200)
    expect(list.body).not.toContain(token)
    expect(list.json()[0]).toMatchObject({ id, name: "Nurses' station", revokedAt: null })

    const res = await readBoard(token)
    expect(res.statusCode).toBe(200)
    const body = res.json()
    expect(body.sessions.length).toBeGreaterThan(0)
    for (const s of body.sessions) {
      expect(Object.keys(s).sort()).toEqual(
        [
          'chair',
          'dischargeReadyAt',
          'doseStartedAt',
          'initial',
          'nextVitalsDueAt',
          'phase',
          'scheduledAt',
        ].sort(),
      )
      expect(s.initial).toMatch(/^\p{Lu}\.$/u)
    }
    expect(body.sessions.some((s: { nextVitalsDueAt: string | null }) => s.nextVitalsDueAt)).toBe(true)
    const patients = await t.database.db
      .selectFrom('patient')
      .select(['given_name', 'family_name', 'mrn'])
      .where('clinic_id', '=', t.clinics.riverside)
      .execute()
    for (const p of patients) {
      expect(res.body).not.toContain(p.family_name)
      expect(res.body).not.toContain(p.given_name)
      expect(res.body).not.toContain(p.mrn)
    }
  })

  it('sees only its own clinic, and only an administrator of that clinic makes one', async () => {
    // A Hillcrest display, made as an administrator there would (the demo admin is Riverside's).
    const token = 'h'.repeat(43)
    await t.database.db
      .insertInto('board_display')
      .values({
        id: '01900000-0000-7000-8000-000000000001',
        clinic_id: t.clinics.hillcrest,
        name: 'Hillcrest station',
        token_hash: hashToken(token),
        created_by: (await staffUser(t, demoEmails.admin)).id,
        created_at: t.clock.now(),
      })
      .execute()
    const riverside = (
      await readBoard((await admin.post(displaysUrl(t.clinics.riverside), { name: 'Bay' })).json().token)
    ).json()
    const hillcrest = (await readBoard(token)).json()
    const todayOf = async (clinicId: string, date: string, timeZone: string) => {
      const { start, end } = clinicDayBounds(date, timeZone)
      return t.database.db
        .selectFrom('treatment_session')
        .select('id')
        .where('clinic_id', '=', clinicId)
        .where('state', '!=', 'cancelled')
        .where('scheduled_at', '>=', start)
        .where('scheduled_at', '<', end)
        .execute()
    }
    expect(hillcrest.clinicName).toMatch(/^Hillcrest/)
    expect(hillcrest.sessions.length).toBe(
      (await todayOf(t.clinics.hillcrest, hillcrest.date, hillcrest.timeZone)).length,
    )
    expect(riverside.sessions.length).toBe(
      (await todayOf(t.clinics.riverside, riverside.date, riverside.timeZone)).length,
    )
    expect(riverside.sessions.length).toBeGreaterThan(hillcrest.sessions.length)
    // Each clinic lists its own displays only; a nurse may not make one.
    const listed = (await admin.get(displaysUrl(t.clinics.hillcrest))).json()
    expect(listed.map((d: { name: string }) => d.name)).toEqual(['Hillcrest station'])
    const nurse = new Client(t)
    await nurse.signIn(demoEmails.nurse)
    expect((await nurse.post(displaysUrl(t.clinics.riverside), { name: 'Mine' })).statusCode).toBe(403)
  })
})

describe('board display: auditing and revoking', () => {
  it('audits the opening, not every refresh, and refuses a revoked or unknown token', async () => {
    const created = await admin.post(displaysUrl(t.clinics.riverside), { name: 'Hall screen' })
    const { id, token } = created.json()
    const before = (await auditRows('board-display.read')).length
    await readBoard(token)
    await readBoard(token)
    const reads = await auditRows('board-display.read')
    expect(reads.length).toBe(before + 1)
    expect(reads.at(-1)).toMatchObject({
      outcome: 'success',
      clinic_id: t.clinics.riverside,
      actor_email: 'board display: Hall screen',
    })
    t.clock.advanceMinutes(11)
    await readBoard(token)
    expect((await auditRows('board-display.read')).length).toBe(before + 2)

    expect((await admin.post(`${displaysUrl(t.clinics.riverside)}/${id}/revoke`)).statusCode).toBe(204)
    const revoked = await readBoard(token)
    expect(revoked.statusCode).toBe(403)
    expect(revoked.json().code).toBe('forbidden')
    expect((await readBoard('x'.repeat(43))).statusCode).toBe(403)
    expect((await readBoard(null)).statusCode).toBe(403)
    const denials = (await auditRows('board-display.read')).filter((r) => r.outcome === 'denied')
    expect(denials.map((d) => (d.detail as { reason: string }).reason).slice(-3)).toEqual([
      'revoked',
      'unknown token',
      'no token',
    ])
    expect((await auditRows('board-display.revoke')).at(-1)).toMatchObject({ outcome: 'success' })
    expect((await admin.post(`${displaysUrl(t.clinics.riverside)}/${id}/revoke`)).statusCode).toBe(404)
  })
})
