import { describe, expect, it } from 'vitest'
import { Client, demoEmails, testAppForFile, totpCode } from '../../../../test/support/test-app'

const t = testAppForFile({ KETACARE_LOGIN_RATE_PER_MIN: '1000' })

const wrongCode = (right: string) => (right === '000000' ? '111111' : '000000')

describe('staff second-factor lockout (issue 13 point 1)', () => {
  it('keeps counting wrong codes when the right password is typed again in between', async () => {
    const secret = (await new Client(t).signIn(demoEmails.prescriber))!
    t.clock.advanceMinutes(1)
    const statuses: number[] = []
    // Three rounds of right password + four wrong codes used to be twelve wrong codes, never locked.
    for (let round = 0; round < 3; round++) {
      const c = new Client(t)
      const login = await c.login(demoEmails.prescriber)
      statuses.push(login.statusCode)
      if (login.statusCode !== 200) break
      for (let i = 0; i < 4; i++) {
        const res = await c.post('/api/v1/auth/mfa/verify', { code: wrongCode(totpCode(secret, t.clock)) })
        statuses.push(res.statusCode)
        if (res.statusCode !== 401) break
      }
    }
    // Round 1: 200 + four 401; round 2: 200, then the fifth wrong code locks (423); round 3: locked.
    expect(statuses).toEqual([200, 401, 401, 401, 401, 200, 423, 423])
    // Locked now: even the right password and the right code are refused.
    const locked = await new Client(t).login(demoEmails.prescriber)
    expect(locked.statusCode).toBe(423)
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0)
  })

  it('refuses codes on a session that was waiting when the account got locked', async () => {
    const secret = (await new Client(t).signIn(demoEmails.admin))!
    t.clock.advanceMinutes(1)
    const waiting = new Client(t)
    expect((await waiting.login(demoEmails.admin)).json().state).toBe('mfa-required')
    const attacker = new Client(t)
    await attacker.login(demoEmails.admin)
    for (let i = 0; i < 5; i++)
      await attacker.post('/api/v1/auth/mfa/verify', { code: wrongCode(totpCode(secret, t.clock)) })
    const res = await waiting.post('/api/v1/auth/mfa/verify', { code: totpCode(secret, t.clock) })
    expect(res.statusCode).toBe(423)
  })
})
