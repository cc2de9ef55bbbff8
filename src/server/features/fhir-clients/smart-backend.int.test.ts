import type { Bundle, OperationOutcome } from '@medplum/fhirtypes'
import { Client as FhirClient } from 'fhir-kit-client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startDemoClinic } from '../../../../test/support/clinic-fixture'
import { firstPatientOfEachClinic } from '../../../../test/support/fhir'
import {
  accessToken,
  clientAssertion,
  discoveredTokenUrl,
  jwksOf,
  makeKey,
  requestToken,
  type TestKey,
  tokenForm,
} from '../../../../test/support/smart-client'
import type { Client, TestApp } from '../../../../test/support/test-app'
import { registerFhirClientAsOperator } from './service'

// SMART Backend Services end to end: an administrator registers a client with its public keys, the
// client signs an assertion with jose and gets a token, and fhir-kit-client reads with it. Then
// every way a token must be refused, and a clinic's token never reaching another clinic.

let t: TestApp
let admin: Client
let rsa: TestKey
let ec: TestKey
let clientId: string
let tokenUrl: string
let riversidePatient: string
let hillcrestPatient: string

const ids = (bundle: Bundle) => (bundle.entry ?? []).map((e) => e.resource!.id!)

const bearerGet = (token: string, path: string, clinicId?: string) =>
  t.app.inject({
    method: 'GET',
    url: `/fhir/R4/${path}`,
    headers: { authorization: `Bearer ${token}`, ...(clinicId ? { 'x-ketacare-clinic': clinicId } : {}) },
  })

beforeAll(async () => {
  ;({
    t,
    clients: { admin },
  } = await startDemoClinic({ roles: ['admin'] }))
  rsa = await makeKey('RS384', 'rsa-1')
  ec = await makeKey('ES384', 'ec-1')
  const registered = await admin.post(`/api/v1/clinics/${t.clinics.riverside}/fhir-clients`, {
    name: 'Referring EHR',
    scopes: ['system/Patient.rs', 'system/Encounter.read'],
    jwks: jwksOf(rsa, ec),
  })
  expect(registered.statusCode, registered.body).toBe(201)
  clientId = registered.json().clientId
  tokenUrl = await discoveredTokenUrl(t)
  ;({ riverside: riversidePatient, hillcrest: hillcrestPatient } = await firstPatientOfEachClinic(t))
})
afterAll(() => t.close())

describe('register → token → read with fhir-kit-client', () => {
  it('discovery names the token endpoint and private_key_jwt; the CapabilityStatement says SMART-on-FHIR', async () => {
    const root = await t.app.inject({ method: 'GET', url: '/.well-known/smart-configuration' })
    expect(root.json()).toMatchObject({
      token_endpoint: tokenUrl,
      token_endpoint_auth_methods_supported: ['private_key_jwt'],
      token_endpoint_auth_signing_alg_values_supported: ['RS384', 'ES384'],
      grant_types_supported: ['client_credentials'],
      capabilities: ['client-confidential-asymmetric'],
    })
    const metadata = (await t.app.inject({ method: 'GET', url: '/fhir/R4/metadata' })).json()
    const security = metadata.rest[0].security
    expect(security.service[0].coding[0].code).toBe('SMART-on-FHIR')
    expect(security.extension[0].extension[0]).toEqual({ url: 'token', valueUri: tokenUrl })
  })

  it('an RS384-signed assertion gets a bearer token that fhir-kit-client searches Patients with', async () => {
    const address = await t.app.listen({ port: 0, host: '127.0.0.1' })
    const url = `${address}/fhir/R4/auth/token`
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: tokenForm(
        await clientAssertion(t, clientId, url, rsa),
        'system/Patient.rs system/Observation.rs',
      ),
    })
    expect(response.status).toBe(200)
    expect(response.headers.get('cache-control')).toBe('no-store')
    const token = (await response.json()) as Record<string, unknown>
    // Observation is not among the client's scopes: granted is what was asked and allowed.
    expect(token).toMatchObject({ token_type: 'bearer', expires_in: 300, scope: 'system/Patient.rs' })
    const fhir = new FhirClient({ baseUrl: `${address}/fhir/R4`, bearerToken: token.access_token as string })
    const bundle = (await fhir.search({
      resourceType: 'Patient',
      searchParams: { _count: '1000' },
    })) as unknown as Bundle
    expect(ids(bundle)).toContain(riversidePatient)
    expect(ids(bundle)).not.toContain(hillcrestPatient)
    const read = (await fhir.read({ resourceType: 'Patient', id: riversidePatient })) as unknown as {
      id: string
    }
    expect(read.id).toBe(riversidePatient)
  })

  it('an ES384 key works too, and reads are audited with the client as the actor', async () => {
    const token = await accessToken(t, clientId, ec, 'system/Patient.rs')
    expect((await bearerGet(token, `Patient/${riversidePatient}`)).statusCode).toBe(200)
    const event = await t.database.db
      .selectFrom('audit_event')
      .selectAll()
      .where('action', '=', 'fhir.read')
      .where('entity_id', '=', riversidePatient)
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow()
    expect(event).toMatchObject({
      actor_email: `client:${clientId}`,
      actor_user_id: null,
      clinic_id: t.clinics.riverside,
    })
    const issued = await t.database.db
      .selectFrom('audit_event')
      .select(['outcome', 'clinic_id'])
      .where('action', '=', 'fhir.token')
      .where('outcome', '=', 'success')
      .execute()
    expect(issued.length).toBeGreaterThanOrEqual(2)
  })

  it('the token is stored only as its hash: no row of the database holds it', async () => {
    const token = await accessToken(t, clientId, rsa, 'system/Patient.rs')
    const rows = await t.database.db.selectFrom('fhir_access_token').selectAll().execute()
    expect(JSON.stringify(rows)).not.toContain(token)
    const events = await t.database.db.selectFrom('audit_event').select('detail').execute()
    expect(JSON.stringify(events)).not.toContain(token)
    expect(rows.some((r) => r.token_hash.length === 64)).toBe(true)
  })
})

describe('what a token may read', () => {
  it('a type outside the scopes is a 403 OperationOutcome, audited as denied', async () => {
    const token = await accessToken(t, clientId, rsa, 'system/Patient.rs')
    const res = await bearerGet(token, `Observation?patient=${riversidePatient}`)
    expect(res.statusCode).toBe(403)
    expect((res.json() as OperationOutcome).issue![0]!.code).toBe('forbidden')
    const denied = await t.database.db
      .selectFrom('audit_event')
      .select(['actor_email'])
      .where('action', '=', 'fhir.search')
      .where('outcome', '=', 'denied')
      .execute()
    expect(denied.map((d) => d.actor_email)).toContain(`client:${clientId}`)
    expect((await bearerGet(token, 'Encounter')).statusCode).toBe(403)
  })

  it('a v1 .read scope reads its type', async () => {
    const token = await accessToken(t, clientId, rsa, 'system/Encounter.read')
    expect((await bearerGet(token, 'Encounter?_count=5')).statusCode).toBe(200)
  })

  it('clinic A’s token never sees clinic B: the header naming B is 403, B’s patient is 404', async () => {
    const token = await accessToken(t, clientId, rsa, 'system/Patient.rs')
    expect((await bearerGet(token, 'Patient', t.clinics.hillcrest)).statusCode).toBe(403)
    expect((await bearerGet(token, `Patient/${hillcrestPatient}`)).statusCode).toBe(404)
    const byId = await bearerGet(token, `Patient?_id=${hillcrestPatient},${riversidePatient}`)
    expect(ids(byId.json())).toEqual([riversidePatient])
    expect((await bearerGet(token, 'Patient', t.clinics.riverside)).statusCode).toBe(200)
  })

  it('clinic B’s own client reads B only', async () => {
    const other = await makeKey('RS384', 'hc')
    const hc = await registerFhirClientAsOperator(t.ctx, t.clinics.hillcrest, {
      name: 'Hillcrest registry',
      scopes: ['system/*.rs'],
      jwks: jwksOf(other),
    })
    const token = await accessToken(t, hc.clientId, other, 'system/*.rs')
    expect(
      ids((await bearerGet(token, `Patient?_id=${riversidePatient},${hillcrestPatient}`)).json()),
    ).toEqual([hillcrestPatient])
    // Riverside's key cannot speak for Hillcrest's client.
    expect((await requestToken(t, hc.clientId, rsa)).statusCode).toBe(401)
  })

  it('an expired or unknown token is a 401 with WWW-Authenticate: Bearer error="invalid_token"', async () => {
    const token = await accessToken(t, clientId, rsa, 'system/Patient.rs')
    t.clock.advanceMinutes(5.1)
    for (const res of [await bearerGet(token, 'Patient'), await bearerGet('not-a-token', 'Patient')]) {
      expect(res.statusCode).toBe(401)
      expect(res.headers['www-authenticate']).toBe('Bearer error="invalid_token"')
      expect((res.json() as OperationOutcome).resourceType).toBe('OperationOutcome')
    }
  })
})
