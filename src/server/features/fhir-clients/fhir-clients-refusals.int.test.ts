import { describe, expect, test } from 'vitest'
import {
  adminOnlyRefused,
  conflict,
  expectProblem,
  notFound,
  refusalTable,
} from '../../../../test/support/refusals'
import { jwksOf, makeKey } from '../../../../test/support/smart-client'
import { registerFhirClientAsOperator } from './service'

// Only a clinic's administrator registers, lists and revokes its backend clients
// (fhir-clients:manage); a key set with private parts or unfit keys and scopes that are not
// system read scopes are refused naming the field.

const f = refusalTable()
const clients = () => `${f.riverside()}/fhir-clients`
const keyPair = makeKey('RS384', 'table')
const body = async (name: string) => ({ name, scopes: ['system/*.rs'], jwks: jwksOf(await keyPair) })

describe('who manages backend clients', () => {
  f.byRole('%s lists the clients: %o', { admin: 200, ...adminOnlyRefused }, () => [['GET', clients()]])
  f.byRole('%s registers a client: %o', { admin: 201, ...adminOnlyRefused }, async (role) => [
    ['POST', clients(), await body(`by ${role}`)],
  ])
  f.byRole('%s revokes a client: %o', adminOnlyRefused, async (role) => {
    const made = await f.as('admin').post(clients(), await body(`to revoke by ${role}`))
    return [['POST', `${clients()}/${made.json().clientId}/revoke`, {}]]
  })

  test('the administrator revokes once (then 409); another clinic’s client is 404', async () => {
    const made = await f.as('admin').post(clients(), await body('revoked'))
    const revoke = `${clients()}/${made.json().clientId}/revoke`
    const first = await f.as('admin').post(revoke)
    expect(first.statusCode, first.body).toBe(200)
    expect(first.json().revokedAt).not.toBeNull()
    expectProblem(await f.as('admin').post(revoke), ...conflict)
    const listed = (await f.as('admin').get(clients())).json().items
    expect(
      listed.find((c: { clientId: string }) => c.clientId === made.json().clientId).revokedAt,
    ).not.toBeNull()
    const hillcrest = await registerFhirClientAsOperator(
      f.t.ctx,
      f.t.clinics.hillcrest,
      await body('other clinic'),
    )
    expectProblem(await f.as('admin').post(`${clients()}/${hillcrest.clientId}/revoke`), ...notFound)
    expect(
      (await f.as('admin').get(clients())).json().items.map((c: { clientId: string }) => c.clientId),
    ).not.toContain(hillcrest.clientId)
  })
})

describe('what a registration must hold', () => {
  test.each([
    [
      'a private key (d)',
      'jwks.keys[0].d',
      async () => ({ jwks: { keys: [{ ...(await keyPair).publicJwk, d: 'secret' }] } }),
    ],
    [
      'a key without kid',
      'jwks.keys[0].kid',
      async () => ({ jwks: { keys: [{ ...(await keyPair).publicJwk, kid: undefined }] } }),
    ],
    [
      'an EC key on P-256',
      'jwks.keys[0].kty',
      async () => ({ jwks: { keys: [{ kty: 'EC', crv: 'P-256', x: 'a', y: 'b', kid: 'p256' }] } }),
    ],
    [
      'an alg other than RS384',
      'jwks.keys[0].alg',
      async () => ({ jwks: { keys: [{ ...(await keyPair).publicJwk, alg: 'RS256' }] } }),
    ],
    [
      'an RSA key under 2048 bits',
      'jwks.keys[0]',
      async () => ({ jwks: { keys: [{ kty: 'RSA', kid: 'short', n: 'AQAB', e: 'AQAB' }] } }),
    ],
    ['a write scope', 'scopes[0]', async () => ({ scopes: ['system/Patient.cud'] })],
    ['a patient/ scope', 'scopes[1]', async () => ({ scopes: ['system/Patient.rs', 'patient/*.rs'] })],
    ['a type not served', 'scopes[0]', async () => ({ scopes: ['system/Basic.rs'] })],
  ])('%s is a 400 naming %s', async (_case, field, change) => {
    const res = await f.as('admin').post(clients(), { ...(await body('bad')), ...(await change()) })
    expectProblem(res, 400, 'validation-failed')
    expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field)
  })
})
