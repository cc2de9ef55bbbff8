import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Client, demoEmails, startTestApp, type TestApp } from '../../../../test/support/test-app'
import { seedDemoClinicalData } from '../../seed/demo'

// Issue 13 point 7: front desk sees a referral's contact and urgency, not the PHQ-9 items or the
// safety answers; the patient list shows them no stage or alert detail beyond what booking needs.

let t: TestApp
const c = {} as Record<'frontDesk' | 'nurse', Client>
let referralId: string

beforeAll(async () => {
  t = await startTestApp({ KETACARE_LOGIN_RATE_PER_MIN: '1000' })
  await seedDemoClinicalData(t.ctx, t.demo, { withSessions: false })
  for (const [key, email] of Object.entries({ frontDesk: demoEmails.frontDesk, nurse: demoEmails.nurse })) {
    c[key as keyof typeof c] = new Client(t)
    await c[key as keyof typeof c].signIn(email)
  }
  const sent = await new Client(t, '10.0.0.9').post('/api/v1/public/referrals', {
    clinicId: t.clinics.riverside,
    name: 'Robin Caller',
    email: 'robin@example.org',
    phone: '555-0142',
    preferredContact: 'phone',
    consentToContact: true,
    selfCheck: {
      phq9: Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`phq9_${i + 1}`, i === 8 ? 2 : 3])),
      antidepressantTrials: [{ name: 'escitalopram', duration: 'over-6-weeks' }],
      therapyTried: 'yes',
      safety: { pregnancy: 'no', highBloodPressure: 'yes', psychosis: 'no', substanceUse: 'no' },
    },
  })
  expect(sent.statusCode, sent.body).toBe(201)
  referralId = sent.json().id
})
afterAll(() => t.close())

const queueUrl = () => `/api/v1/clinics/${t.clinics.riverside}/referrals?status=new`
const clinicalKeys = /phq9_|highBloodPressure|psychosis|substanceUse|pregnancy|escitalopram/

describe('front desk sees no clinical answers (issue 13 point 7)', () => {
  it('gives front desk the referral contact and urgency only, and a nurse the answers', async () => {
    const res = await c.frontDesk.get(queueUrl())
    expect(res.statusCode).toBe(200)
    const seen = res.json().items.find((r: { id: string }) => r.id === referralId)
    expect(seen).toMatchObject({
      name: 'Robin Caller',
      phone: '555-0142',
      email: 'robin@example.org',
      preferredContact: 'phone',
      isUrgent: true,
      selfCheck: null,
      phq9Total: null,
      phq9Item9: null,
    })
    expect(res.body).not.toMatch(clinicalKeys)
    // The status change reply is filtered the same way.
    const changed = await c.frontDesk.patch(
      `/api/v1/clinics/${t.clinics.riverside}/referrals/${referralId}`,
      {
        status: 'contacted',
        version: 1,
      },
    )
    expect(changed.statusCode).toBe(200)
    expect(changed.body).not.toMatch(clinicalKeys)

    const nurseView = (await c.nurse.get(`/api/v1/clinics/${t.clinics.riverside}/referrals`)).json()
    const full = nurseView.items.find((r: { id: string }) => r.id === referralId)
    expect(full).toMatchObject({ phq9Total: 26, phq9Item9: 2, isUrgent: true })
    expect(full.selfCheck.safety.highBloodPressure).toBe('yes')
  })

  it('lists patients for front desk without stage or alerts, but with whether a session can be booked', async () => {
    const desk = (
      await c.frontDesk.get(`/api/v1/clinics/${t.clinics.riverside}/patients?pageSize=100`)
    ).json()
    expect(desk.items.length).toBeGreaterThan(3)
    for (const p of desk.items) {
      expect(p.stage).toBeNull()
      expect(p.openAlerts).toBeNull()
      expect(typeof p.isReadyForTreatment).toBe('boolean')
    }
    const nurse = (await c.nurse.get(`/api/v1/clinics/${t.clinics.riverside}/patients?pageSize=100`)).json()
    expect(nurse.items.every((p: { stage: string | null }) => p.stage !== null)).toBe(true)
    expect(nurse.items.some((p: { openAlerts: number }) => p.openAlerts > 0)).toBe(true)
    // The readiness front desk sees is the same fact the nurse's stage shows.
    for (const p of nurse.items) {
      const same = desk.items.find((d: { id: string }) => d.id === p.id)
      expect(same.isReadyForTreatment).toBe(p.stage === 'ready-for-treatment')
    }
    // One patient read alike.
    const one = (
      await c.frontDesk.get(`/api/v1/clinics/${t.clinics.riverside}/patients/${desk.items[0].id}`)
    ).json()
    expect(one).toMatchObject({ stage: null, openAlerts: null })
  })
})
