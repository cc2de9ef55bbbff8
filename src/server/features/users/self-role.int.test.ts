import { beforeAll, describe, expect, it } from 'vitest'
import { auditEvents } from '../../../../test/support/audit-events'
import { Client, demoEmails, testAppForFile, totpCode } from '../../../../test/support/test-app'

// Issue 13 point 6: an administrator cannot change their own role or grant themselves clinical
// access; another administrator can.

const t = testAppForFile({ KETACARE_LOGIN_RATE_PER_MIN: '1000' })
const admin = new Client(t)
const usersUrl = () => `/api/v1/clinics/${t.clinics.riverside}/users`
const me = async (c: Client, q: string) => (await c.get(`${usersUrl()}?q=${q}`)).json().items[0]

beforeAll(async () => {
  await admin.signIn(demoEmails.admin)
})

describe('role changes need another administrator (issue 13 point 6)', () => {
  it('refuses an administrator who makes themselves a prescriber, and audits the refusal', async () => {
    const self = await me(admin, 'admin@')
    for (const change of [{ role: 'prescriber' }, { role: 'nurse' }, { isActive: false }]) {
      const res = await admin.patch(`${usersUrl()}/${self.userId}`, { ...change, version: self.version })
      expect(res.statusCode).toBe(403)
      expect(res.json().detail).toMatch(/another administrator/)
    }
    expect(await me(admin, 'admin@')).toMatchObject({ role: 'admin', isActive: true, version: self.version })
    // Still no clinical access.
    const patients = await admin.get(`/api/v1/clinics/${t.clinics.riverside}/patients`)
    expect(patients.statusCode).toBe(403)
    const denials = await auditEvents(t, { action: 'users.update', outcome: 'denied' })
    expect(denials).toHaveLength(3)
    expect(denials.every((d) => d.actor_user_id === self.userId && d.entity_id === self.userId)).toBe(true)
  })

  it('lets a second administrator change the first one’s role', async () => {
    const added = await admin.post(usersUrl(), {
      email: 'second.admin@example.org',
      displayName: 'Second Admin',
      role: 'admin',
    })
    expect(added.statusCode).toBe(201)
    const second = new Client(t)
    const login = await second.login('second.admin@example.org', added.json().temporaryPassword)
    expect(login.json().state).toBe('mfa-enrolment-required')
    const secret = (await second.post('/api/v1/auth/mfa/enrol', {})).json().secret
    await second.post('/api/v1/auth/mfa/enrol/confirm', { code: totpCode(secret, t.clock) })
    const first = await me(second, 'admin@demo')
    const res = await second.patch(`${usersUrl()}/${first.userId}`, {
      role: 'auditor',
      version: first.version,
    })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json().role).toBe('auditor')
  })
})
