import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditEvents } from '../../../../test/support/audit-events'
import { fieldsRefused } from '../../../../test/support/refusals'
import { Client, demoEmails, startTestApp, type TestApp } from '../../../../test/support/test-app'
import { inClinicTransaction } from '../../tenancy'

let t: TestApp
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(async () => {
  await t?.close()
})

const phq9 = (item9: number) => ({
  ...Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`phq9_${i + 1}`, 2])),
  phq9_9: item9,
})

function referral(clinicId: string, overrides: Record<string, unknown> = {}) {
  return {
    clinicId,
    name: 'Sam Visitor',
    email: 'sam@example.org',
    phone: '',
    preferredContact: 'email',
    consentToContact: true,
    selfCheck: {
      phq9: phq9(1),
      antidepressantTrials: [
        { name: 'sertraline', duration: 'over-6-weeks' },
        { name: '', duration: '4-to-6-weeks' },
      ],
      therapyTried: 'yes',
      safety: { pregnancy: 'no', highBloodPressure: 'no', psychosis: 'no', substanceUse: 'not-sure' },
    },
    ...overrides,
  }
}

async function signedIn(email: string, ip = '127.0.0.1') {
  const client = new Client(t, ip)
  await client.signIn(email)
  return client
}

describe('public referrals', () => {
  it('lists clinics with id, name and the phone for patients only, without signing in', async () => {
    const response = await new Client(t).get('/api/v1/public/clinics')
    expect(response.statusCode).toBe(200)
    const items = response.json().items as Record<string, unknown>[]
    expect(items.map((c) => c.name)).toEqual(expect.arrayContaining([expect.stringMatching(/^Riverside/)]))
    for (const item of items) expect(Object.keys(item).sort()).toEqual(['id', 'name', 'phone'])
  })

  it("stores a referral, flags item 9, and shows it only to that clinic's staff", async () => {
    const visitor = new Client(t, '10.0.0.1')
    const sent = await visitor.post('/api/v1/public/referrals', referral(t.clinics.riverside))
    expect(sent.statusCode, sent.body).toBe(201)
    expect(sent.json().isUrgent).toBe(true)
    const id = sent.json().id as string

    const nurse = await signedIn(demoEmails.nurse)
    const queue = await nurse.get(`/api/v1/clinics/${t.clinics.riverside}/referrals?status=new`)
    expect(queue.statusCode).toBe(200)
    const mine = queue.json().items.find((r: { id: string }) => r.id === id)
    expect(mine).toMatchObject({
      name: 'Sam Visitor',
      phq9Total: 17,
      phq9Item9: 1,
      isUrgent: true,
      status: 'new',
    })
    expect(mine.selfCheck.antidepressantTrials).toHaveLength(2)

    // Hillcrest staff (nurse2 is a Hillcrest member) never see it.
    const other = await signedIn(demoEmails.nurse2)
    const hillcrest = await other.get(`/api/v1/clinics/${t.clinics.hillcrest}/referrals`)
    expect(hillcrest.json().items.some((r: { id: string }) => r.id === id)).toBe(false)
    const denied = await other.get(`/api/v1/clinics/${t.clinics.riverside}/referrals`)
    expect(denied.statusCode).toBe(403)

    // Audited as the public self-check, with no personal details in the event.
    const events = await auditEvents(t, { entity_id: id, action: 'referral.received' })
    expect(events).toHaveLength(1)
    expect(events[0]).toMatchObject({ actor_email: 'public self-check', actor_user_id: null })
    expect(JSON.stringify(events[0]!.detail)).not.toContain('Sam')
  })

  it('names the fields that are wrong', async () => {
    const visitor = new Client(t, '10.0.0.2')
    const response = await visitor.post(
      '/api/v1/public/referrals',
      referral(t.clinics.riverside, {
        name: '',
        email: 'not-an-address',
        consentToContact: false,
        selfCheck: { ...referral(t.clinics.riverside).selfCheck, phq9: { ...phq9(0), phq9_3: 7 } },
      }),
    )
    expect(response.statusCode).toBe(400)
    const fields = (response.json().errors as { field: string }[]).map((e) => e.field)
    expect(fields).toEqual(
      expect.arrayContaining(['name', 'email', 'consentToContact', 'selfCheck.phq9.phq9_3']),
    )

    const noContact = await visitor.post(
      '/api/v1/public/referrals',
      referral(t.clinics.riverside, { email: '', phone: '' }),
    )
    expect(noContact.statusCode).toBe(400)
    expect(fieldsRefused(noContact)).toContain('email')

    const unknownClinic = await visitor.post(
      '/api/v1/public/referrals',
      referral('0190d4f4-0000-7000-8000-000000000000'),
    )
    expect(unknownClinic.statusCode).toBe(400)
    expect(unknownClinic.json().errors[0].field).toBe('clinicId')
  })

  it('limits how often one address may send', async () => {
    const visitor = new Client(t, '10.0.0.3')
    const statuses: number[] = []
    for (let i = 0; i < 11; i++) {
      statuses.push(
        (await visitor.post('/api/v1/public/referrals', referral(t.clinics.hillcrest, { phq9: phq9(0) })))
          .statusCode,
      )
    }
    expect(statuses.slice(0, 10).every((s) => s === 201)).toBe(true)
    expect(statuses[10]).toBe(429)
    // Another address is not affected.
    expect(
      (await new Client(t, '10.0.0.4').post('/api/v1/public/referrals', referral(t.clinics.hillcrest)))
        .statusCode,
    ).toBe(201)
  })
})

describe('public referrals: the staff intake queue', () => {
  it('lets front desk change the status with the version, refuses stale versions and read-only roles', async () => {
    const sent = await new Client(t, '10.0.0.5').post(
      '/api/v1/public/referrals',
      referral(t.clinics.riverside, { phone: '+1 555 0100', preferredContact: 'phone' }),
    )
    const id = sent.json().id as string
    const url = `/api/v1/clinics/${t.clinics.riverside}/referrals/${id}`

    const auditor = await signedIn(demoEmails.auditor, '10.0.1.1')
    expect((await auditor.get(`/api/v1/clinics/${t.clinics.riverside}/referrals`)).statusCode).toBe(200)
    expect((await auditor.patch(url, { status: 'contacted', version: 1 })).statusCode).toBe(403)

    const frontDesk = await signedIn(demoEmails.frontDesk, '10.0.1.2')
    const contacted = await frontDesk.patch(url, { status: 'contacted', version: 1 })
    expect(contacted.statusCode, contacted.body).toBe(200)
    expect(contacted.json()).toMatchObject({ status: 'contacted', version: 2, handledBy: expect.any(String) })
    expect((await frontDesk.patch(url, { status: 'declined', version: 1 })).statusCode).toBe(409)
    expect((await frontDesk.patch(url, { status: 'registered', version: 2 })).statusCode).toBe(200)
    const final = await frontDesk.patch(url, { status: 'new', version: 3 })
    expect(final.statusCode).toBe(409)
    expect(final.json().code).toBe('conflict')

    expect(await auditEvents(t, { entity_id: id, action: 'referral.status' })).toHaveLength(2)
  })

  it('is fenced by row-level security even when a query forgets the clinic', async () => {
    await new Client(t, '10.0.0.6').post('/api/v1/public/referrals', referral(t.clinics.riverside))
    const seen = await inClinicTransaction(t.ctx, t.clinics.hillcrest, (tx) =>
      tx.selectFrom('referral').select('clinic_id').execute(),
    )
    expect(seen.every((r) => r.clinic_id === t.clinics.hillcrest)).toBe(true)
    const all = await t.database.db.selectFrom('referral').select('clinic_id').distinct().execute()
    expect(all.map((r) => r.clinic_id)).toContain(t.clinics.riverside)
  })
})
