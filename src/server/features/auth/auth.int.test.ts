import { describe, expect, it } from 'vitest'
import { fieldsRefused } from '../../../../test/support/refusals'
import { Client, demoEmails, startTestApp, testAppForFile, totpCode } from '../../../../test/support/test-app'

const t = testAppForFile({ KETACARE_LOGIN_RATE_PER_MIN: '1000' })

async function auditCount(action: string, outcome?: string): Promise<number> {
  let q = t.database.db
    .selectFrom('audit_event')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('action', '=', action)
  if (outcome) q = q.where('outcome', '=', outcome as 'success')
  return Number((await q.executeTakeFirstOrThrow()).n)
}

describe('password sign-in', () => {
  it('signs a nurse in with an httpOnly, SameSite=Strict cookie and answers who am I', async () => {
    const c = new Client(t)
    const res = await c.login(demoEmails.nurse)
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ state: 'signed-in' })
    const cookie = res.cookies.find((x) => x.name === 'kc_session')!
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' })
    expect(cookie.secure).toBeFalsy()
    const me = await c.get('/api/v1/auth/me')
    expect(me.statusCode).toBe(200)
    expect(me.json()).toMatchObject({
      user: { email: demoEmails.nurse, mfaEnrolled: false },
      memberships: [{ clinicName: 'Riverside Ketamine Clinic', role: 'nurse' }],
      idleTimeoutMin: 15,
    })
  })

  it('answers a wrong password and an unknown e-mail alike, and audits both', async () => {
    const before = await auditCount('auth.sign-in', 'failure')
    const wrong = await new Client(t).login(demoEmails.frontDesk, 'not-the-password')
    const unknown = await new Client(t).login('nobody@example.org', 'whatever-password')
    for (const res of [wrong, unknown]) {
      expect(res.statusCode).toBe(401)
      expect(res.headers['content-type']).toContain('application/problem+json')
      expect(res.json()).toMatchObject({ code: 'invalid-credentials', status: 401 })
      expect(res.cookies.find((x) => x.name === 'kc_session')).toBeUndefined()
    }
    expect(await auditCount('auth.sign-in', 'failure')).toBe(before + 2)
  })

  it('names the invalid fields of a malformed body and writes no session', async () => {
    const res = await new Client(t).post('/api/v1/auth/login', { email: 'x' })
    expect(res.statusCode).toBe(400)
    const body = res.json()
    expect(body.code).toBe('validation-failed')
    expect(fieldsRefused(res).sort()).toEqual(['email', 'password'])
  })

  it('refuses a body that is not JSON with a 4xx problem', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"email":',
    })
    expect(res.statusCode).toBe(400)
    expect(res.headers['content-type']).toContain('application/problem+json')
  })

  it('locks an account after repeated failures, with a growing back-off', async () => {
    const email = demoEmails.auditor
    for (let i = 0; i < 4; i++)
      expect((await new Client(t).login(email, 'wrong-password-x')).statusCode).toBe(401)
    const fifth = await new Client(t).login(email, 'wrong-password-x')
    expect(fifth.statusCode).toBe(423)
    expect(fifth.json()).toMatchObject({ code: 'account-locked', retryAfterSec: 60 })
    expect(fifth.headers['retry-after']).toBe('60')
    // Even the right password is refused while locked.
    const locked = await new Client(t).login(email)
    expect(locked.statusCode).toBe(423)
    t.clock.advanceMinutes(1.1)
    for (let i = 0; i < 4; i++) await new Client(t).login(email, 'wrong-password-x')
    const secondLock = await new Client(t).login(email, 'wrong-password-x')
    expect(secondLock.json()).toMatchObject({ code: 'account-locked', retryAfterSec: 120 })
    t.clock.advanceMinutes(2.1)
    expect((await new Client(t).login(email)).statusCode).toBe(200)
  })

  it('rotates the session at sign-in: the previous cookie stops working', async () => {
    const c = new Client(t)
    await c.login(demoEmails.nurse)
    const oldCookie = c.cookie
    await c.login(demoEmails.nurse)
    expect(c.cookie).not.toBe(oldCookie)
    const stale = new Client(t)
    stale.cookie = oldCookie
    expect((await stale.get('/api/v1/auth/me')).statusCode).toBe(401)
  })
})

describe('session lifetime', () => {
  it('locks a signed-in session after the idle timeout (lock-screen.int.test.ts has the rest)', async () => {
    const c = new Client(t)
    await c.login(demoEmails.nurse)
    t.clock.advanceMinutes(10)
    expect((await c.get('/api/v1/auth/me')).statusCode).toBe(200)
    t.clock.advanceMinutes(16)
    const res = await c.get('/api/v1/auth/me')
    expect(res.statusCode).toBe(401)
    expect(res.json().code).toBe('session-locked')
  })

  it('ends a sign-in still at its two-step stage after the idle timeout and says so', async () => {
    const c = new Client(t)
    expect((await c.login(demoEmails.admin)).json().state).not.toBe('signed-in')
    t.clock.advanceMinutes(16)
    const res = await c.get('/api/v1/auth/me')
    expect(res.statusCode).toBe(401)
    expect(res.json().code).toBe('session-expired')
    // Ended for good, not just for one request.
    expect((await c.get('/api/v1/auth/me')).json().code).toBe('not-signed-in')
  })

  it('ends a busy session at its absolute expiry', async () => {
    const c = new Client(t)
    await c.login(demoEmails.nurse)
    for (let i = 0; i < 12 * 6; i++) {
      t.clock.advanceMinutes(10)
      const res = await c.get('/api/v1/auth/me')
      if (res.statusCode !== 200) {
        expect(res.json().code).toBe('session-expired')
        expect(i).toBe(12 * 6 - 1)
        return
      }
    }
    throw new Error('session outlived its absolute expiry')
  })

  it('signs out, refusing a sign-out without the CSRF token', async () => {
    const c = new Client(t)
    await c.login(demoEmails.nurse)
    const noCsrf = await c.post('/api/v1/auth/logout', {}, { csrf: false })
    expect(noCsrf.statusCode).toBe(403)
    expect(noCsrf.json().code).toBe('csrf-token-invalid')
    expect((await c.get('/api/v1/auth/me')).statusCode).toBe(200)
    expect((await c.post('/api/v1/auth/logout', {})).statusCode).toBe(204)
    expect((await c.get('/api/v1/auth/me')).statusCode).toBe(401)
  })
})

describe('TOTP two-factor authentication', () => {
  it('makes a prescriber enrol before anything else, then asks for a code at every sign-in', async () => {
    const c = new Client(t)
    const login = await c.login(demoEmails.prescriber)
    expect(login.json().state).toBe('mfa-enrolment-required')
    // Half-signed-in sessions reach nothing clinical.
    const blocked = await c.get(`/api/v1/clinics/${t.clinics.riverside}/summary`)
    expect(blocked.statusCode).toBe(403)
    expect(blocked.json().code).toBe('mfa-required')

    const enrol = await c.post('/api/v1/auth/mfa/enrol', {})
    expect(enrol.statusCode).toBe(200)
    const { secret, otpauthUrl, qrDataUrl } = enrol.json()
    expect(otpauthUrl).toContain('otpauth://totp/')
    expect(qrDataUrl).toMatch(/^data:image\/png;base64,/)

    const wrong = await c.post('/api/v1/auth/mfa/enrol/confirm', {
      code: '000000' === totpCode(secret, t.clock) ? '111111' : '000000',
    })
    expect(wrong.statusCode).toBe(401)
    expect(wrong.json().code).toBe('invalid-mfa-code')

    const preMfaCookie = c.cookie
    const ok = await c.post('/api/v1/auth/mfa/enrol/confirm', { code: totpCode(secret, t.clock) })
    expect(ok.json().state).toBe('signed-in')
    expect(c.cookie).not.toBe(preMfaCookie)
    expect((await c.get(`/api/v1/clinics/${t.clinics.riverside}/summary`)).statusCode).toBe(200)
    expect((await c.get('/api/v1/auth/me')).json().user.mfaEnrolled).toBe(true)

    t.clock.advanceMinutes(1)
    const again = new Client(t)
    expect((await again.login(demoEmails.prescriber)).json().state).toBe('mfa-required')
    const code = totpCode(secret, t.clock)
    expect((await again.post('/api/v1/auth/mfa/verify', { code })).json().state).toBe('signed-in')

    // The same code cannot be replayed by someone who watched it being typed.
    const replay = new Client(t)
    await replay.login(demoEmails.prescriber)
    const replayed = await replay.post('/api/v1/auth/mfa/verify', { code })
    expect(replayed.statusCode).toBe(401)
  })

  it('rejects a malformed code with the field named', async () => {
    const c = new Client(t)
    await c.login(demoEmails.admin)
    const res = await c.post('/api/v1/auth/mfa/enrol/confirm', { code: '12ab' })
    expect(res.statusCode).toBe(400)
    expect(res.json().errors[0].field).toBe('code')
  })
})

describe('throttling per client address', () => {
  it('answers 429 once an address exceeds its sign-in rate', async () => {
    const limited = await startTestApp({ KETACARE_LOGIN_RATE_PER_MIN: '3' })
    try {
      const c = new Client(limited, '10.9.9.9')
      const codes: number[] = []
      for (let i = 0; i < 4; i++) codes.push((await c.login(demoEmails.nurse, 'wrong-password-x')).statusCode)
      expect(codes).toEqual([401, 401, 401, 429])
      const last = await c.login(demoEmails.nurse, 'wrong-password-x')
      expect(last.json()).toMatchObject({ code: 'too-many-requests' })
      // Another address is not affected.
      expect((await new Client(limited, '10.9.9.10').login(demoEmails.nurse)).statusCode).toBe(200)
    } finally {
      await limited.close()
    }
  })
})
