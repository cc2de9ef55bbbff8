import { exportJWK, generateKeyPair, type JWK, SignJWT } from 'jose'
import type { TestApp } from './test-app'

// A SMART backend client as a test plays it: its key pair (made by jose), its public JWKS to
// register, and client assertions signed as the specification asks (or spoiled one way at a time).

export interface TestKey {
  kid: string
  alg: 'RS384' | 'ES384'
  privateKey: CryptoKey
  publicJwk: JWK
}

export async function makeKey(alg: 'RS384' | 'ES384', kid: string): Promise<TestKey> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true })
  return { kid, alg, privateKey, publicJwk: { ...(await exportJWK(publicKey)), kid, alg } }
}

export const jwksOf = (...keys: TestKey[]) => ({ keys: keys.map((k) => k.publicJwk) })

let jtiCounter = 0

/** A client assertion for the token endpoint, valid unless an option spoils it. */
export async function clientAssertion(
  t: TestApp,
  clientId: string,
  tokenUrl: string,
  key: TestKey,
  spoil: { aud?: string; expInSec?: number; jti?: string; kid?: string; iss?: string } = {},
): Promise<string> {
  const nowSec = Math.floor(t.clock.now().getTime() / 1000)
  return new SignJWT({})
    .setProtectedHeader({ alg: key.alg, kid: spoil.kid ?? key.kid, typ: 'JWT' })
    .setIssuer(spoil.iss ?? clientId)
    .setSubject(clientId)
    .setAudience(spoil.aud ?? tokenUrl)
    .setIssuedAt(nowSec)
    .setExpirationTime(nowSec + (spoil.expInSec ?? 240))
    .setJti(spoil.jti ?? `jti-${++jtiCounter}-${Math.random().toString(36).slice(2)}`)
    .sign(key.privateKey)
}

/** The token endpoint's form for an assertion and scope. */
export function tokenForm(assertion: string, scope: string): string {
  return new URLSearchParams({
    grant_type: 'client_credentials',
    client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
    client_assertion: assertion,
    scope,
  }).toString()
}

/** The token endpoint the discovery document names (the `aud` an assertion must carry). */
export async function discoveredTokenUrl(t: TestApp): Promise<string> {
  const discovery = await t.app.inject({ method: 'GET', url: '/fhir/R4/.well-known/smart-configuration' })
  return discovery.json().token_endpoint
}

/** `POST /fhir/R4/auth/token` with a form body. */
export function postTokenForm(t: TestApp, body: string) {
  return t.app.inject({
    method: 'POST',
    url: '/fhir/R4/auth/token',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: body,
  })
}

export type Spoil = NonNullable<Parameters<typeof clientAssertion>[4]>

/**
 * `POST /fhir/R4/auth/token` for `scope` with a fresh assertion of `clientId` signed by `key`
 * (spoiled as asked), addressed to the token endpoint the discovery document names.
 */
export async function requestToken(
  t: TestApp,
  clientId: string,
  key: TestKey,
  scope = 'system/Patient.rs',
  spoil: Spoil = {},
) {
  const assertion = await clientAssertion(t, clientId, await discoveredTokenUrl(t), key, spoil)
  return postTokenForm(t, tokenForm(assertion, scope))
}

/** An access token for `scope`, failing the test when the endpoint refuses it. */
export async function accessToken(
  t: TestApp,
  clientId: string,
  key: TestKey,
  scope: string,
): Promise<string> {
  const res = await requestToken(t, clientId, key, scope)
  if (res.statusCode !== 200) throw new Error(`token refused: ${res.statusCode} ${res.body}`)
  return res.json().access_token
}
