import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditEvents } from '../../../../test/support/audit-events'
import { Client, demoEmails, startTestApp, type TestApp } from '../../../../test/support/test-app'

// The clinic's phone number for patients (issue 14, migration 022): the administrator edits it,
// every change is audited, and the public clinic list gives it to the self-check.
let t: TestApp
let admin: Client
beforeAll(async () => {
  t = await startTestApp()
  admin = new Client(t)
  await admin.signIn(demoEmails.admin)
})
afterAll(() => t.close())

const path = () => `/api/v1/clinics/${t.clinics.riverside}/details`

describe('clinic details', () => {
  it('the administrator sets the phone; a bad number is a 400 naming the field; a stale version is a 409', async () => {
    const before = (await admin.get(path())).json()
    const bad = await admin.request('PUT', path(), { phone: 'call us!', version: before.version })
    expect(bad.statusCode).toBe(400)
    expect(JSON.stringify(bad.json())).toContain('phone')
    const saved = await admin.request('PUT', path(), { phone: '(212) 555-0199', version: before.version })
    expect(saved.statusCode).toBe(200)
    expect(saved.json()).toMatchObject({ phone: '(212) 555-0199', version: before.version + 1 })
    const stale = await admin.request('PUT', path(), { phone: '', version: before.version })
    expect(stale.statusCode).toBe(409)
    expect(await auditEvents(t, { action: 'clinic.details.update' })).toHaveLength(1)
    const listed = (await new Client(t).get('/api/v1/public/clinics')).json().items
    expect(listed.find((c: { id: string }) => c.id === t.clinics.riverside).phone).toBe('(212) 555-0199')
  })

  it('a nurse may read the phone but not change it', async () => {
    const nurse = new Client(t)
    await nurse.signIn(demoEmails.nurse)
    const read = await nurse.get(path())
    expect(read.statusCode).toBe(200)
    const write = await nurse.request('PUT', path(), { phone: '', version: read.json().version })
    expect(write.statusCode).toBe(403)
  })
})
