import { sql } from 'kysely'
import { beforeAll, describe, expect, it } from 'vitest'
import { Client, demoEmails, testAppForFile } from '../../../../test/support/test-app'
import { sealAuditChains } from '../../audit/seal-audit'
import { verifyAuditChains } from '../../audit/verify-audit'

const t = testAppForFile({ KETACARE_LOGIN_RATE_PER_MIN: '1000' })
const auditor = new Client(t)
const auditUrl = () => `/api/v1/clinics/${t.clinics.riverside}/audit-events`

beforeAll(async () => {
  await auditor.signIn(demoEmails.auditor)
})

describe('audit log API', () => {
  it('records each read of account data in the same request, visible to the auditor', async () => {
    const admin = new Client(t)
    await admin.signIn(demoEmails.admin)
    await admin.get(`/api/v1/clinics/${t.clinics.riverside}/users`)
    const res = await auditor.get(`${auditUrl()}?action=users.list`)
    expect(res.statusCode).toBe(200)
    const [event] = res.json().items
    expect(event).toMatchObject({
      actorEmail: demoEmails.admin,
      action: 'users.list',
      entity: 'membership',
      outcome: 'success',
      ip: '127.0.0.1',
    })
    expect(new Date(event.at).toString()).not.toBe('Invalid Date')
  })

  it("shows a clinic's members' sign-ins but not another clinic's events", async () => {
    const nurse2 = new Client(t)
    await nurse2.signIn(demoEmails.nurse2)
    await nurse2.get(`/api/v1/clinics/${t.clinics.hillcrest}/summary`)
    const all = (await auditor.get(`${auditUrl()}?pageSize=200`)).json()
    expect(all.items.some((e: { action: string }) => e.action === 'auth.sign-in')).toBe(true)
    expect(all.items.some((e: { actorEmail: string }) => e.actorEmail === demoEmails.nurse2)).toBe(false)
  })

  it('filters by actor, entity and date, and paginates', async () => {
    const byActor = (await auditor.get(`${auditUrl()}?actor=auditor@`)).json()
    expect(byActor.items.length).toBeGreaterThan(0)
    expect(byActor.items.every((e: { actorEmail: string }) => e.actorEmail === demoEmails.auditor)).toBe(true)
    const future = (await auditor.get(`${auditUrl()}?from=2030-01-01T00:00:00Z`)).json()
    expect(future.total).toBe(0)
    const page1 = (await auditor.get(`${auditUrl()}?pageSize=2&page=1`)).json()
    const page2 = (await auditor.get(`${auditUrl()}?pageSize=2&page=2`)).json()
    expect(page1.items).toHaveLength(2)
    expect(page2.items[0].id).not.toBe(page1.items[0].id)
    const bad = await auditor.get(`${auditUrl()}?from=yesterday-ish`)
    expect(bad.statusCode).toBe(400)
    expect(bad.json().errors[0].field).toBe('querystring.from')
  })

  it('is closed to nurses and front desk', async () => {
    const nurse = new Client(t)
    await nurse.signIn(demoEmails.nurse)
    expect((await nurse.get(auditUrl())).statusCode).toBe(403)
  })
})

describe('audit trail integrity', () => {
  it('refuses UPDATE and DELETE, even by the database owner', async () => {
    await expect(sql`UPDATE audit_event SET action = 'x'`.execute(t.database.db)).rejects.toThrow(
      /append-only/,
    )
    await expect(sql`DELETE FROM audit_event`.execute(t.database.db)).rejects.toThrow(/append-only/)
  })

  it('verifies intact chains and names the first tampered event', async () => {
    await sealAuditChains(t.database.db)
    const intact = await verifyAuditChains(t.database.db)
    expect(intact.length).toBeGreaterThanOrEqual(2)
    expect(intact.every((r) => r.verdict.ok)).toBe(true)

    const victim = await t.database.db
      .selectFrom('audit_event')
      .select(['id', 'seq'])
      .where('clinic_id', '=', t.clinics.riverside)
      .orderBy('seq')
      .offset(2)
      .limit(1)
      .executeTakeFirstOrThrow()
    // A privileged attacker switches the guard off and edits a row directly.
    await sql`ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only`.execute(t.database.db)
    await sql`UPDATE audit_event SET actor_email = 'someone-else@example.org' WHERE id = ${victim.id}`.execute(
      t.database.db,
    )
    await sql`ALTER TABLE audit_event ENABLE TRIGGER audit_event_append_only`.execute(t.database.db)

    const reports = await verifyAuditChains(t.database.db)
    const broken = reports.find((r) => r.chain === t.clinics.riverside)!
    expect(broken.verdict.ok).toBe(false)
    if (!broken.verdict.ok) {
      expect(broken.verdict.brokenAt).toContain(victim.id)
      expect(broken.verdict.reason).toBe('hash-mismatch')
    }
    expect(reports.find((r) => r.chain === t.clinics.hillcrest)!.verdict.ok).toBe(true)
  })
})
