import { describe, expect, it } from 'vitest'
import { auditEvents } from '../../../../test/support/audit-events'
import { Client, demoEmails, passwordOf, staffUser, testAppForFile } from '../../../../test/support/test-app'

const t = testAppForFile({ KETACARE_LOGIN_RATE_PER_MIN: '1000' })

const board = () => `/api/v1/clinics/${t.clinics.riverside}/board`

const audits = (action: string, userEmail: string) => auditEvents(t, { action, actor_email: userEmail })
const failedCount = async (email: string) => (await staffUser(t, email)).failed_login_count

/** A signed-in client whose sign-in has gone idle past the 15-minute rule. */
async function idleClient(email: string): Promise<Client> {
  const c = new Client(t)
  await c.signIn(email)
  t.clock.advanceMinutes(16)
  return c
}

describe('a locked sign-in', () => {
  it('is locked, not ended, after the idle period: every call but unlock answers 401 session-locked', async () => {
    const c = await idleClient(demoEmails.nurse)
    const res = await c.get(board())
    expect(res.statusCode).toBe(401)
    expect(res.json()).toMatchObject({ code: 'session-locked', user: { displayName: expect.any(String) } })
    expect(JSON.stringify(res.json())).not.toMatch(/given|mrn|patient/i)
    expect((await c.get('/api/v1/auth/me')).json().code).toBe('session-locked')
    expect((await c.get('/api/v1/auth/session')).json().code).toBe('session-locked')
    expect((await c.get(`/api/v1/clinics/${t.clinics.riverside}/board/live`)).json().code).toBe(
      'session-locked',
    )
    const locked = await audits('auth.session-locked', demoEmails.nurse)
    expect(locked.at(-1)).toMatchObject({ outcome: 'success', detail: { reason: 'idle timeout' } })
    // A write is refused too, before anything is recorded.
    const write = await c.post(`/api/v1/clinics/${t.clinics.riverside}/chairs`, { name: 'Chair 9' })
    expect(write.json().code).toBe('session-locked')
  })

  it('unlocks the same sign-in with the right password: same cookie, same CSRF token', async () => {
    const c = await idleClient(demoEmails.nurse)
    const cookie = c.cookie
    const csrf = c.csrfToken
    expect((await c.get(board())).statusCode).toBe(401)
    const unlock = await c.post('/api/v1/auth/unlock', { password: passwordOf(t, demoEmails.nurse) })
    expect(unlock.statusCode).toBe(200)
    expect(unlock.json().csrfToken).toBe(csrf)
    expect(c.cookie).toBe(cookie)
    expect((await c.get(board())).statusCode).toBe(200)
    expect((await audits('auth.unlock', demoEmails.nurse)).at(-1)).toMatchObject({
      outcome: 'success',
      detail: { method: 'password' },
    })
  })

  it('locks at once when the screen asks, and the lock survives until unlocked', async () => {
    const c = new Client(t)
    await c.signIn(demoEmails.frontDesk)
    expect((await c.post('/api/v1/auth/lock')).statusCode).toBe(204)
    expect((await c.get(board())).json().code).toBe('session-locked')
    expect((await c.post('/api/v1/auth/lock')).statusCode).toBe(204)
    expect(
      (await c.post('/api/v1/auth/unlock', { password: passwordOf(t, demoEmails.frontDesk) })).statusCode,
    ).toBe(200)
    expect((await c.get(board())).statusCode).toBe(200)
  })

  it('sets a PIN only with the account password, refuses an obvious PIN, and unlocks with it', async () => {
    const c = new Client(t)
    await c.signIn(demoEmails.nurse2)
    const weak = await c.request('PUT', '/api/v1/auth/unlock-pin', {
      pin: '1234',
      password: passwordOf(t, demoEmails.nurse2),
    })
    expect(weak.statusCode).toBe(400)
    expect(weak.json().errors).toEqual([{ field: 'pin', message: 'must not be a run such as 1234 or 4321' }])
    const short = await c.request('PUT', '/api/v1/auth/unlock-pin', { pin: '12', password: 'x' })
    expect(short.json().errors[0]).toMatchObject({ field: 'pin' })
    const wrongPassword = await c.request('PUT', '/api/v1/auth/unlock-pin', {
      pin: '2580',
      password: 'not-the-password',
    })
    expect(wrongPassword.statusCode).toBe(401)
    expect(await failedCount(demoEmails.nurse2)).toBe(1)
    const set = await c.request('PUT', '/api/v1/auth/unlock-pin', {
      pin: '2580',
      password: passwordOf(t, demoEmails.nurse2),
    })
    expect(set.statusCode).toBe(204)
    const pin = await t.database.db.selectFrom('unlock_pin').selectAll().executeTakeFirstOrThrow()
    expect(pin.pin_hash).toMatch(/^\$argon2id\$/)
    expect(pin.pin_hash).not.toContain('2580')
    expect((await c.get('/api/v1/auth/me')).json().user.hasUnlockPin).toBe(true)
    expect((await c.get('/api/v1/auth/session')).json().user.hasUnlockPin).toBe(true)

    t.clock.advanceMinutes(16)
    expect((await c.get(board())).json().code).toBe('session-locked')
    const unlock = await c.post('/api/v1/auth/unlock', { pin: '2580' })
    expect(unlock.statusCode).toBe(200)
    expect((await c.get('/api/v1/auth/me')).statusCode).toBe(200)
  })

  it('counts a wrong PIN toward the account lockout, audits it, and ends the sign-in when the account locks', async () => {
    const c = await idleClient(demoEmails.nurse2)
    const before = await failedCount(demoEmails.nurse2)
    const wrong = await c.post('/api/v1/auth/unlock', { pin: '9999' })
    expect(wrong.statusCode).toBe(401)
    expect(wrong.json()).toMatchObject({ code: 'invalid-credentials', errors: [{ field: 'pin' }] })
    expect(await failedCount(demoEmails.nurse2)).toBe(before + 1)
    expect((await audits('auth.unlock', demoEmails.nurse2)).at(-1)).toMatchObject({
      outcome: 'failure',
      detail: { method: 'pin', reason: 'wrong PIN' },
    })
    // Still locked, not unlocked by a wrong guess.
    expect((await c.get(board())).json().code).toBe('session-locked')
    let last = wrong
    for (let i = before + 1; i < 5; i++) last = await c.post('/api/v1/auth/unlock', { pin: '9999' })
    expect(last.statusCode).toBe(423)
    expect(last.json().code).toBe('account-locked')
    expect((await audits('auth.unlock', demoEmails.nurse2)).at(-1)?.detail).toMatchObject({
      reason: 'wrong PIN; account locked',
    })
    // The lock screen cannot keep guessing: the sign-in is over, and even the right PIN is refused.
    const after = await c.post('/api/v1/auth/unlock', { pin: '2580' })
    expect(after.statusCode).toBe(401)
    expect(after.json().code).toBe('not-signed-in')
    t.clock.advanceMinutes(2)
  })

  it('expires a locked sign-in after the locked maximum, even though its unlock would have been right', async () => {
    const c = new Client(t)
    await c.signIn(demoEmails.frontDesk)
    await c.post('/api/v1/auth/lock')
    t.clock.advanceMinutes(11 * 60 + 50)
    expect((await c.get(board())).json().code).toBe('session-locked')
    t.clock.advanceMinutes(11)
    const res = await c.post('/api/v1/auth/unlock', { password: passwordOf(t, demoEmails.frontDesk) })
    expect(res.statusCode).toBe(401)
    expect(res.json().code).toBe('session-expired')
    expect((await c.get('/api/v1/auth/session')).json()).toEqual({
      state: 'signed-out',
      reason: 'not-signed-in',
    })
  })

  it('ends a locked sign-in on sign-out, so "sign in as someone else" leaves nothing to unlock', async () => {
    const c = await idleClient(demoEmails.nurse)
    expect((await c.get(board())).json().code).toBe('session-locked')
    expect((await c.post('/api/v1/auth/logout')).statusCode).toBe(204)
    const unlock = await c.post('/api/v1/auth/unlock', { password: passwordOf(t, demoEmails.nurse) })
    expect(unlock.json().code).toBe('not-signed-in')
  })
})

describe('the sign-in probe', () => {
  it('answers 200 signed-out without a cookie or with an ended one, and the full me when signed in', async () => {
    const anon = new Client(t)
    const res = await anon.get('/api/v1/auth/session')
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({ state: 'signed-out', reason: 'not-signed-in' })
    const c = new Client(t)
    await c.signIn(demoEmails.nurse)
    expect((await c.get('/api/v1/auth/session')).json()).toMatchObject({
      state: 'signed-in',
      user: { email: demoEmails.nurse, hasUnlockPin: false },
      lockedMaxHours: 12,
    })
    await c.post('/api/v1/auth/logout')
    expect((await c.get('/api/v1/auth/session')).statusCode).toBe(200)
  })
})
