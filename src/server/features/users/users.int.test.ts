import { beforeAll, describe, expect, it } from 'vitest'
import { auditEvents } from '../../../../test/support/audit-events'
import { fieldsRefused } from '../../../../test/support/refusals'
import { Client, demoEmails, testAppForFile } from '../../../../test/support/test-app'

const t = testAppForFile({ KETACARE_LOGIN_RATE_PER_MIN: '1000' })
const admin = new Client(t)
/** TOTP secrets of users who enrolled during this file, to answer their next sign-in. */
const secrets = new Map<string, string | undefined>()
async function signIn(c: Client, email: string) {
  // A used TOTP code cannot be replayed: let the next 30-second step begin.
  t.clock.advanceMinutes(0.5)
  secrets.set(email, await c.signIn(email, secrets.get(email)))
}
const usersUrl = () => `/api/v1/clinics/${t.clinics.riverside}/users`

beforeAll(async () => {
  await signIn(admin, demoEmails.admin)
})

describe('users API by role', () => {
  it('lets an administrator list the clinic staff, paginated and searchable', async () => {
    const res = await admin.get(`${usersUrl()}?pageSize=2`)
    expect(res.statusCode).toBe(200)
    const body = res.json()
    expect(body).toMatchObject({ total: 5, page: 1, pageSize: 2 })
    expect(body.items).toHaveLength(2)
    const search = (await admin.get(`${usersUrl()}?q=okafor`)).json()
    expect(search.items.map((u: { email: string }) => u.email)).toEqual([demoEmails.nurse])
  })

  it.each([
    ['nurse', demoEmails.nurse],
    ['front desk', demoEmails.frontDesk],
    ['auditor', demoEmails.auditor],
    ['prescriber', demoEmails.prescriber],
  ])('denies the %s, and records the denial', async (_role, email) => {
    const c = new Client(t)
    await signIn(c, email)
    const before = await auditEvents(t, { outcome: 'denied' })
    const list = await c.get(usersUrl())
    expect(list.statusCode).toBe(403)
    expect(list.json().code).toBe('forbidden')
    const add = await c.post(usersUrl(), { email: 'x@example.org', displayName: 'X', role: 'nurse' })
    expect(add.statusCode).toBe(403)
    const after = await auditEvents(t, { outcome: 'denied' })
    expect(after.length).toBe(before.length + 2)
    expect(
      await t.database.db
        .selectFrom('app_user')
        .select('id')
        .where('email', '=', 'x@example.org')
        .executeTakeFirst(),
    ).toBeUndefined()
  })

  it("refuses another clinic's data to a user who is not a member there", async () => {
    const nurse2 = new Client(t)
    await signIn(nurse2, demoEmails.nurse2)
    const res = await nurse2.get(`/api/v1/clinics/${t.clinics.riverside}/summary`)
    expect(res.statusCode).toBe(403)
    expect(res.json().detail).toMatch(/not a member/)
    const ghost = await nurse2.get('/api/v1/clinics/01900000-0000-7000-8000-000000000000/summary')
    expect(ghost.statusCode).toBe(403)
  })

  it('refuses every request without a session', async () => {
    const anonymous = new Client(t)
    expect((await anonymous.get(usersUrl())).statusCode).toBe(401)
  })
})

describe('adding and changing users', () => {
  it('adds a user with a one-time password that signs in', async () => {
    const res = await admin.post(usersUrl(), {
      email: 'New.Nurse@Example.org',
      displayName: 'New Nurse',
      role: 'nurse',
    })
    expect(res.statusCode).toBe(201)
    const body = res.json()
    expect(body.user).toMatchObject({
      email: 'new.nurse@example.org',
      role: 'nurse',
      isActive: true,
      mfaEnrolled: false,
      version: 1,
    })
    expect(body.temporaryPassword).toMatch(/^\w{5}-\w{5}-\w{5}-\w{5}$/)
    const c = new Client(t)
    expect((await c.login('new.nurse@example.org', body.temporaryPassword)).json().state).toBe('signed-in')
  })

  it('adds an existing account to a second clinic without a new password', async () => {
    const res = await admin.post(`/api/v1/clinics/${t.clinics.hillcrest}/users`, {
      email: demoEmails.nurse,
      displayName: 'ignored',
      role: 'nurse',
    })
    expect(res.statusCode).toBe(201)
    expect(res.json().temporaryPassword).toBeNull()
  })

  it('names the field of a duplicate or malformed user', async () => {
    const dup = await admin.post(usersUrl(), { email: demoEmails.nurse, displayName: 'Dup', role: 'nurse' })
    expect(dup.statusCode).toBe(409)
    expect(dup.json().errors).toEqual([{ field: 'email', message: 'already a member of this clinic' }])
    const bad = await admin.post(usersUrl(), { email: 'not-an-email', displayName: '', role: 'surgeon' })
    expect(bad.statusCode).toBe(400)
    expect(fieldsRefused(bad).sort()).toEqual(['displayName', 'email', 'role'])
  })

  it('refuses a stale version with a conflict and changes nothing', async () => {
    const list = (await admin.get(`${usersUrl()}?q=frontdesk`)).json()
    const user = list.items[0]
    const first = await admin.patch(`${usersUrl()}/${user.userId}`, { role: 'nurse', version: user.version })
    expect(first.statusCode).toBe(200)
    expect(first.json()).toMatchObject({ role: 'nurse', version: user.version + 1 })
    const stale = await admin.patch(`${usersUrl()}/${user.userId}`, {
      role: 'auditor',
      version: user.version,
    })
    expect(stale.statusCode).toBe(409)
    expect(stale.json().code).toBe('stale-version')
    const now = (await admin.get(`${usersUrl()}?q=frontdesk`)).json().items[0]
    expect(now.role).toBe('nurse')
    await admin.patch(`${usersUrl()}/${user.userId}`, { role: 'front_desk', version: now.version })
  })

  it('keeps at least one active administrator: the only one cannot even try to step down', async () => {
    const me = (await admin.get(`${usersUrl()}?q=admin@`)).json().items[0]
    const res = await admin.patch(`${usersUrl()}/${me.userId}`, { isActive: false, version: me.version })
    // Refused as a change to one's own membership (issue 13) before the last-administrator rule.
    expect(res.statusCode).toBe(403)
    expect((await admin.get(`${usersUrl()}?q=admin@`)).json().items[0].isActive).toBe(true)
  })

  it('deactivates a user, who can then no longer sign in', async () => {
    const added = (
      await admin.post(usersUrl(), { email: 'leaver@example.org', displayName: 'Leaver', role: 'front_desk' })
    ).json()
    const res = await admin.patch(`${usersUrl()}/${added.user.userId}`, {
      isActive: false,
      version: added.user.version,
    })
    expect(res.json().isActive).toBe(false)
    const login = await new Client(t).login('leaver@example.org', added.temporaryPassword)
    expect(login.statusCode).toBe(403)
    expect(login.json().detail).toMatch(/deactivated/)
  })

  it('resets a lost authenticator: the user must enrol again', async () => {
    const prescriber = new Client(t)
    await signIn(prescriber, demoEmails.prescriber)
    const row = (await admin.get(`${usersUrl()}?q=prescriber@`)).json().items[0]
    expect(row.mfaEnrolled).toBe(true)
    const res = await admin.post(`${usersUrl()}/${row.userId}/reset-mfa`, {})
    expect(res.statusCode).toBe(200)
    expect(res.json().mfaEnrolled).toBe(false)
    // Their open session was ended, and the next sign-in asks for enrolment again.
    expect((await prescriber.get('/api/v1/auth/me')).statusCode).toBe(401)
    expect((await new Client(t).login(demoEmails.prescriber)).json().state).toBe('mfa-enrolment-required')
  })
})
