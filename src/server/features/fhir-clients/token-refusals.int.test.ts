import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startDemoClinic } from '../../../../test/support/clinic-fixture'
import {
  clientAssertion,
  discoveredTokenUrl,
  jwksOf,
  makeKey,
  postTokenForm,
  requestToken,
  type Spoil,
  type TestKey,
  tokenForm,
} from '../../../../test/support/smart-client'
import type { TestApp } from '../../../../test/support/test-app'
import { registerFhirClientAsOperator, revokeFhirClientAsOperator } from './service'

// The token endpoint's refusals, each an OAuth 2.0 error: a replayed jti, a key not registered, the
// wrong audience, an assertion living too long, a revoked client, a scope not allowed; refused
// assertions lock the client after KETACARE_LOGIN_MAX_FAILURES, and each refusal is audited.

let t: TestApp
let key: TestKey
let tokenUrl: string

async function register(name: string, scopes = ['system/Patient.rs']): Promise<string> {
  const client = await registerFhirClientAsOperator(t.ctx, t.clinics.riverside, {
    name,
    scopes,
    jwks: jwksOf(key),
  })
  return client.clientId
}

const post = (body: string) => postTokenForm(t, body)

function expectOAuthError(res: Awaited<ReturnType<typeof post>>, status: number, error: string) {
  expect(res.statusCode, res.body).toBe(status)
  expect(res.json()).toMatchObject({ error })
  expect(typeof res.json().error_description).toBe('string')
}

beforeAll(async () => {
  ;({ t } = await startDemoClinic({ roles: [], env: { KETACARE_LOGIN_MAX_FAILURES: '3' } }))
  key = await makeKey('ES384', 'k1')
  tokenUrl = await discoveredTokenUrl(t)
})
afterAll(() => t.close())

describe('token endpoint refusals', () => {
  it('a replayed assertion (same jti) is refused the second time', async () => {
    const id = await register('replay')
    const assertion = await clientAssertion(t, id, tokenUrl, key, { jti: 'once' })
    expect((await post(tokenForm(assertion, 'system/Patient.rs'))).statusCode).toBe(200)
    expectOAuthError(await post(tokenForm(assertion, 'system/Patient.rs')), 401, 'invalid_client')
  })

  it.each([
    ['a key not in the set', { otherKey: true }],
    ['an unknown kid', { kid: 'other' }],
    ['the wrong audience', { aud: 'https://elsewhere/token' }],
    ['exp more than five minutes ahead', { expInSec: 600 }],
    ['an expired assertion', { expInSec: -10 }],
  ] as const)(
    '%s is invalid_client (401), audited as a failure',
    async (_case, {
      otherKey,
      ...spoil
    }: {
      otherKey?: boolean
    } & Spoil) => {
      const id = await register(`bad ${_case}`)
      const signer = otherKey ? await makeKey('ES384', 'k1') : key
      expectOAuthError(await requestToken(t, id, signer, 'system/Patient.rs', spoil), 401, 'invalid_client')
      const events = await t.database.db
        .selectFrom('audit_event')
        .select(['outcome', 'clinic_id', 'actor_email'])
        .where('action', '=', 'fhir.token')
        .where('entity_id', '=', id)
        .execute()
      expect(events).toEqual([
        { outcome: 'failure', clinic_id: t.clinics.riverside, actor_email: `client:${id}` },
      ])
    },
  )

  it('an unknown client is invalid_client, audited on the installation chain', async () => {
    expectOAuthError(
      await requestToken(t, '01900000-0000-7000-8000-00000000dead', key),
      401,
      'invalid_client',
    )
  })

  it('the form is checked: grant type, assertion type, scope', async () => {
    const id = await register('form')
    const assertion = await clientAssertion(t, id, tokenUrl, key)
    expectOAuthError(
      await post(tokenForm(assertion, '').replace('client_credentials', 'password')),
      400,
      'unsupported_grant_type',
    )
    expectOAuthError(await post('grant_type=client_credentials'), 401, 'invalid_client')
    expectOAuthError(
      await post(tokenForm(assertion, 'system/Observation.rs patient/*.rs')),
      400,
      'invalid_scope',
    )
  })

  it('a revoked client gets no token', async () => {
    const id = await register('revoked')
    await revokeFhirClientAsOperator(t.ctx, t.clinics.riverside, id)
    expectOAuthError(await requestToken(t, id, key), 401, 'invalid_client')
  })

  it('a revoked client’s tokens stop working at once', async () => {
    const id = await register('revoked later')
    const res = await requestToken(t, id, key)
    const token = res.json().access_token as string
    const read = () =>
      t.app.inject({
        method: 'GET',
        url: '/fhir/R4/Patient?_count=1',
        headers: { authorization: `Bearer ${token}` },
      })
    expect((await read()).statusCode).toBe(200)
    await revokeFhirClientAsOperator(t.ctx, t.clinics.riverside, id)
    expect((await read()).statusCode).toBe(401)
  })

  it('three refused assertions lock the client: even a good one is refused until the lock ends', async () => {
    const id = await register('lockout')
    for (let i = 0; i < 3; i++)
      expectOAuthError(
        await requestToken(t, id, key, 'system/Patient.rs', { aud: 'https://wrong' }),
        401,
        'invalid_client',
      )
    const locked = await requestToken(t, id, key)
    expectOAuthError(locked, 401, 'invalid_client')
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0)
    t.clock.advanceMinutes(60)
    expect((await requestToken(t, id, key)).statusCode).toBe(200)
  })
})
