import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { patientIdsOf } from '../../../../test/support/clinic-fixture'
import { Client, demoEmails, startTestApp, type TestApp } from '../../../../test/support/test-app'
import { seedDemoClinicalData } from '../../seed/demo'

// Issue 14 "Also seen": Home gives each role its worklist — decisions to sign, REMS forms owed,
// open safety alerts (a portal answer included) — computed from the caller's permissions, fenced
// by clinic, audited as a read; front desk is sent nothing clinical.

interface Item {
  kind: string
  title: string
  subject: string | null
  detail: string | null
  link: string
  patientId: string | null
  urgency: string
}
interface Section {
  id: string
  items: Item[]
  total: number
}

let t: TestApp
const c = {} as Record<keyof typeof demoEmails, Client>

beforeAll(async () => {
  t = await startTestApp({ KETACARE_LOGIN_RATE_PER_MIN: '1000' })
  await seedDemoClinicalData(t.ctx, t.demo)
  for (const key of Object.keys(demoEmails) as (keyof typeof demoEmails)[]) {
    c[key] = new Client(t)
    await c[key].signIn(demoEmails[key])
  }
})
afterAll(() => t.close())

const url = (clinicId: string) => `/api/v1/clinics/${clinicId}/worklist`
async function worklist(client: Client, clinicId = t.clinics.riverside) {
  const res = await client.get(url(clinicId))
  expect(res.statusCode, res.body).toBe(200)
  return res.json() as { role: string; sections: Section[] }
}
const section = (list: { sections: Section[] }, id: string) => list.sections.find((s) => s.id === id)
const kinds = (list: { sections: Section[] }) =>
  new Set(list.sections.flatMap((s) => s.items.map((i) => i.kind)))

describe('the worklist per role', () => {
  it('gives a prescriber the decisions and plans to sign, linking to the chart tab where each is done', async () => {
    const list = await worklist(c.prescriber)
    expect(list.sections.map((s) => s.id)).toEqual(['safety', 'to-sign', 'today', 'rems-forms'])
    const toSign = section(list, 'to-sign')!.items
    const decision = toSign.find((i) => i.kind === 'eligibility-decision')
    expect(decision?.subject).toMatch(/Luis Ortega/)
    expect(decision?.link).toBe(`patients/${decision!.patientId}?tab=eligibility`)
    const plan = toSign.find((i) => i.kind === 'plan-approval')
    expect(plan?.link).toMatch(/\?tab=plan$/)
  })

  it("shows a nurse the portal's suicidal-ideation answer, today's sessions and the REMS form owed", async () => {
    const list = await worklist(c.nurse)
    expect(list.sections.map((s) => s.id)).toEqual(['safety', 'today', 'rems-forms'])
    const safety = section(list, 'safety')!.items
    const portal = safety.find((i) => i.kind === 'portal-safety-answer')
    expect(portal).toMatchObject({ urgency: 'urgent', subject: expect.stringMatching(/RK-2024-0112/) })
    expect(portal!.detail).toMatch(/QIDS-SR16/)
    // The chair-side (clinic) answer of the demo's intake patient is there too.
    expect(safety.some((i) => i.kind === 'clinic-safety-answer')).toBe(true)
    expect(section(list, 'today')!.items.length).toBeGreaterThan(0)
    const rems = section(list, 'rems-forms')!.items
    expect(rems).toHaveLength(1)
    expect(rems[0]!.link).toMatch(/^sessions\//)
  })

  it('gives front desk registrations and bookings only: no clinical section, item or word', async () => {
    const res = await c.frontDesk.get(url(t.clinics.riverside))
    expect(res.statusCode).toBe(200)
    const list = res.json() as { sections: Section[] }
    expect(list.sections.map((s) => s.id)).toEqual(['referrals', 'arrivals', 'to-book', 'registration'])
    for (const kind of kinds(list))
      expect(['referral', 'arrival', 'first-booking', 'registration']).toContain(kind)
    expect(section(list, 'referrals')!.items.length).toBeGreaterThan(0)
    expect(res.body).not.toMatch(/QIDS|PHQ|suicid|alert|eligib|dissociat|dose|esketamine|IV ketamine/i)
  })

  it('gives an administrator accounts and settings, and an auditor the ledger and verified chains', async () => {
    const admin = await worklist(c.admin)
    expect(admin.sections.map((s) => s.id)).toEqual(['accounts', 'clinic-setup'])
    expect(JSON.stringify(admin)).not.toMatch(/MRN/)
    const setup = section(admin, 'clinic-setup')!.items
    expect(setup.some((i) => i.kind === 'unverified-defaults' && i.link === 'settings')).toBe(true)

    const auditor = await worklist(c.auditor)
    expect(auditor.sections.map((s) => s.id)).toEqual(['ledger', 'integrity'])
    const integrity = section(auditor, 'integrity')!.items
    expect(integrity.find((i) => i.kind === 'audit-chain')).toMatchObject({
      urgency: 'ok',
      title: 'Audit trail intact',
    })
    expect(integrity.find((i) => i.kind === 'ledger-chain')).toMatchObject({ urgency: 'ok' })
  })

  it("never shows another clinic's items, and refuses a clinic the caller does not belong to", async () => {
    const hillcrestPatients = await patientIdsOf(t, t.clinics.hillcrest)
    const list = await worklist(c.prescriber, t.clinics.hillcrest)
    const ids = list.sections.flatMap((s) => s.items.map((i) => i.patientId)).filter((p) => p !== null)
    expect(ids.length).toBeGreaterThan(0)
    for (const id of ids) expect(hillcrestPatients.has(id!)).toBe(true)
    expect(JSON.stringify(list)).not.toMatch(/RK-2024/)

    const refused = await c.nurse2.get(url(t.clinics.riverside))
    expect(refused.statusCode).toBe(403)
  })

  it('is audited as one read naming the patients it listed', async () => {
    await worklist(c.nurse)
    const event = await t.database.db
      .selectFrom('audit_event')
      .select(['detail', 'outcome'])
      .where('action', '=', 'worklist.read')
      .where('clinic_id', '=', t.clinics.riverside)
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow()
    const detail = event.detail as { role: string; patientIds: string[] }
    expect(detail.role).toBe('nurse')
    expect(detail.patientIds.length).toBeGreaterThan(0)
  })
})
