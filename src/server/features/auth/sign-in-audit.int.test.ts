import { describe, expect, it } from 'vitest'
import { Client, demoEmails, staffUser, testAppForFile, totpCode } from '../../../../test/support/test-app'
import { hashToken } from '../../ids'

// Every event of a staff sign-in, field by field: on the installation chain (no clinic), for the
// account and the address that asked, about the account or the sign-in.

const t = testAppForFile({ KETACARE_LOGIN_RATE_PER_MIN: '1000' })

const ip = '10.20.30.40'

async function lastEvent(action: string) {
  return t.database.db
    .selectFrom('audit_event')
    .select(['clinic_id', 'actor_user_id', 'actor_email', 'ip', 'entity', 'entity_id', 'outcome', 'detail'])
    .where('action', '=', action)
    .orderBy('at', 'desc')
    .orderBy('seq', 'desc')
    .executeTakeFirstOrThrow()
}

const userId = async (email: string) => (await staffUser(t, email)).id

/** The sign-in a client holds, found by its cookie's hash as the server finds it. */
async function signInIdOf(client: Client): Promise<string> {
  const row = await t.database.db
    .selectFrom('login_session')
    .select('id')
    .where('token_hash', '=', hashToken(client.cookie!))
    .executeTakeFirstOrThrow()
  return row.id
}

/** The row an event must be: always on the installation chain, from the client's address. */
const event = (
  actor: [userId: string | null, email: string],
  about: [entity: string, entityId: string | null],
  outcome: string,
  detail: unknown,
) => ({
  clinic_id: null,
  actor_user_id: actor[0],
  actor_email: actor[1],
  ip,
  entity: about[0],
  entity_id: about[1],
  outcome,
  detail,
})

describe('the audit events of a staff sign-in', () => {
  it('records a refused sign-in of an unknown address without an account', async () => {
    const c = new Client(t, ip)
    expect((await c.login('nobody@example.org', 'wrong password 1')).statusCode).toBe(401)
    expect(await lastEvent('auth.sign-in')).toEqual(
      event([null, 'nobody@example.org'], ['app_user', null], 'failure', { reason: expect.any(String) }),
    )
  })

  it('records signing in, enrolling an authenticator, the second factor and signing out', async () => {
    const admin = await userId(demoEmails.admin)
    const c = new Client(t, ip)
    const secret = await c.signIn(demoEmails.admin)
    expect(await lastEvent('auth.sign-in')).toEqual(
      event([admin, demoEmails.admin], ['app_user', admin], 'success', { reason: expect.any(String) }),
    )
    expect(await lastEvent('auth.mfa-enrol-start')).toEqual(
      event([admin, demoEmails.admin], ['mfa_secret', admin], 'success', null),
    )
    expect(await lastEvent('auth.mfa-enrol-confirm')).toEqual(
      event([admin, demoEmails.admin], ['app_user', admin], 'success', { reason: 'signed in' }),
    )

    const again = new Client(t, ip)
    expect((await again.login(demoEmails.admin)).json().state).toBe('mfa-required')
    const wrong = await again.post('/api/v1/auth/mfa/verify', { code: '000000' })
    expect(wrong.statusCode).toBe(401)
    expect(await lastEvent('auth.mfa-verify')).toEqual(
      event([admin, demoEmails.admin], ['app_user', admin], 'failure', { reason: 'wrong code' }),
    )
    t.clock.advanceMinutes(1)
    const right = await again.post('/api/v1/auth/mfa/verify', { code: totpCode(secret!, t.clock) })
    expect(right.statusCode).toBe(200)
    expect(await lastEvent('auth.mfa-verify')).toEqual(
      event([admin, demoEmails.admin], ['app_user', admin], 'success', { reason: 'signed in' }),
    )

    const signInId = await signInIdOf(again)
    expect((await again.post('/api/v1/auth/logout')).statusCode).toBe(204)
    expect(await lastEvent('auth.sign-out')).toEqual(
      event([admin, demoEmails.admin], ['login_session', signInId], 'success', null),
    )
  })

  it('records a sign-in locked on screen, one locked when idle, and one ended while waiting for its code', async () => {
    const nurse = await userId(demoEmails.nurse)
    const c = new Client(t, ip)
    await c.signIn(demoEmails.nurse)
    const signInId = await signInIdOf(c)
    expect((await c.post('/api/v1/auth/lock')).statusCode).toBe(204)
    expect(await lastEvent('auth.session-locked')).toEqual(
      event([nurse, demoEmails.nurse], ['login_session', signInId], 'success', {
        reason: 'locked on screen',
      }),
    )

    const idle = new Client(t, ip)
    await idle.signIn(demoEmails.nurse)
    const idleId = await signInIdOf(idle)
    t.clock.advanceMinutes(16)
    expect((await idle.get('/api/v1/auth/me')).json().code).toBe('session-locked')
    expect(await lastEvent('auth.session-locked')).toEqual(
      event([nurse, demoEmails.nurse], ['login_session', idleId], 'success', { reason: 'idle timeout' }),
    )

    const admin = await userId(demoEmails.admin)
    const waiting = new Client(t, ip)
    expect((await waiting.login(demoEmails.admin)).json().state).toBe('mfa-required')
    const waitingId = await signInIdOf(waiting)
    t.clock.advanceMinutes(16)
    expect((await waiting.get('/api/v1/auth/me')).json().code).toBe('session-expired')
    expect(await lastEvent('auth.session-expired')).toEqual(
      event([admin, demoEmails.admin], ['login_session', waitingId], 'success', { reason: 'idle timeout' }),
    )
  })
})
