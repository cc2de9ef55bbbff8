import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startDemoClinic } from '../../../../test/support/clinic-fixture'
import { accessToken, jwksOf, makeKey } from '../../../../test/support/smart-client'
import type { Client, TestApp } from '../../../../test/support/test-app'
import { runExportJobs } from './run-export-jobs'

// A SMART backend client's Bulk export: it exports exactly the types its token's scopes name, in
// its own clinic; a type outside them is refused at kick-off, and its job is nobody else's.

let t: TestApp
let nurse: Client
let token: string

beforeAll(async () => {
  let admin: Client
  ;({
    t,
    clients: { admin, nurse },
  } = await startDemoClinic({ roles: ['admin', 'nurse'], withSessions: true }))
  const key = await makeKey('ES384', 'export-1')
  const registered = await admin.post(`/api/v1/clinics/${t.clinics.riverside}/fhir-clients`, {
    name: 'Registry',
    scopes: ['system/Patient.rs', 'system/Encounter.rs'],
    jwks: jwksOf(key),
  })
  expect(registered.statusCode, registered.body).toBe(201)
  token = await accessToken(t, registered.json().clientId, key, 'system/Patient.rs system/Encounter.rs')
})
afterAll(() => t.close())

const asClient = (method: 'GET' | 'DELETE', url: string) =>
  t.app.inject({
    method,
    url,
    headers: { authorization: `Bearer ${token}`, prefer: 'respond-async', accept: 'application/fhir+json' },
  })

const pathOf = (url: string) => new URL(url).pathname

describe('Bulk export by a backend client', () => {
  it('exports the types its scopes name, and only from its clinic', async () => {
    const kickOff = await asClient('GET', '/fhir/R4/$export')
    expect(kickOff.statusCode, kickOff.body).toBe(202)
    const statusUrl = pathOf(String(kickOff.headers['content-location']))
    await runExportJobs(t.ctx, 'test-worker')
    const status = await asClient('GET', statusUrl)
    expect(status.statusCode, status.body).toBe(200)
    const manifest = status.json() as { output: { type: string; url: string; count: number }[] }
    expect(manifest.output.map((o) => o.type).sort()).toEqual(['Encounter', 'Patient'])

    const patients = await asClient('GET', pathOf(manifest.output.find((o) => o.type === 'Patient')!.url))
    expect(patients.statusCode).toBe(200)
    const lines = patients.body.trimEnd().split('\n')
    expect(lines.length).toBe(manifest.output.find((o) => o.type === 'Patient')!.count)
    const riverside = await t.database.db
      .selectFrom('patient')
      .select('id')
      .where('clinic_id', '=', t.clinics.riverside)
      .execute()
    expect(new Set(lines.map((l) => JSON.parse(l).id))).toEqual(new Set(riverside.map((p) => p.id)))

    // The job is the client's: the clinic's own nurse cannot see it.
    const byNurse = await nurse.get(statusUrl)
    expect(byNurse.statusCode).toBe(404)
  })

  it('refuses a type outside its scopes at kick-off, naming it', async () => {
    const refused = await asClient('GET', '/fhir/R4/$export?_type=Patient,Observation')
    expect(refused.statusCode).toBe(403)
    expect(refused.json()).toMatchObject({ resourceType: 'OperationOutcome' })
    expect(refused.body).toContain('Observation')
  })
})
