import type { Bundle, OperationOutcome, Patient } from '@medplum/fhirtypes'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startDemoClinic } from '../../../test/support/clinic-fixture'
import { fhirGet, firstPatientOfEachClinic } from '../../../test/support/fhir'
import type { Client, TestApp } from '../../../test/support/test-app'

// Refusals of the FHIR API, each an OperationOutcome with the right status: another clinic's record
// is not there (row-level security) or not allowed (a clinic the caller is not a member of), bad
// parameters are named, and every read leaves an audit event.

let t: TestApp
let nurse: Client
let admin: Client
let prescriber: Client
let riversidePatient: string
let hillcrestPatient: string

beforeAll(async () => {
  ;({
    t,
    clients: { nurse, admin, prescriber },
  } = await startDemoClinic({ roles: ['nurse', 'admin', 'prescriber'] }))
  ;({ riverside: riversidePatient, hillcrest: hillcrestPatient } = await firstPatientOfEachClinic(t))
})
afterAll(() => t.close())

const outcomeOf = (body: string) => {
  const outcome = JSON.parse(body) as OperationOutcome
  expect(outcome.resourceType).toBe('OperationOutcome')
  return outcome.issue![0]!
}

/** The nurse's `path` is a 400 whose outcome names `param`; returns that outcome's issue. */
async function expectRefusedNaming(path: string, param: string) {
  const res = await fhirGet(nurse, path)
  expect(res.statusCode).toBe(400)
  const outcome = outcomeOf(res.body)
  expect(outcome.diagnostics!.startsWith(`${param}:`)).toBe(true)
  return outcome
}

describe('a clinic never sees another clinic’s data', () => {
  it('Riverside’s nurse gets 404 for a Hillcrest patient, and 403 naming Hillcrest', async () => {
    const read = await fhirGet(nurse, `Patient/${hillcrestPatient}`)
    expect(read.statusCode).toBe(404)
    expect(read.headers['content-type']).toContain('application/fhir+json')
    expect(outcomeOf(read.body)).toMatchObject({ severity: 'error', code: 'not-found' })
    const named = await fhirGet(nurse, `Patient/${hillcrestPatient}`, t.clinics.hillcrest)
    expect(named.statusCode).toBe(403)
    expect(outcomeOf(named.body).code).toBe('forbidden')
    expect((await fhirGet(nurse, `Patient/${riversidePatient}`)).statusCode).toBe(200)
  })

  it('searches return only the caller’s clinic', async () => {
    const byId = await fhirGet(nurse, `Patient?_id=${hillcrestPatient},${riversidePatient}`)
    expect((byId.json() as Bundle).entry!.map((e) => e.resource!.id)).toEqual([riversidePatient])
    const all = (await fhirGet(nurse, 'Patient?_count=1000')).json() as Bundle
    expect(all.entry!.length).toBeGreaterThan(0)
    for (const e of all.entry!)
      expect((e.resource as Patient).managingOrganization!.reference).toBe(
        `Organization/${t.clinics.riverside}`,
      )
    const observations = (await fhirGet(nurse, `Observation?patient=${hillcrestPatient}`)).json() as Bundle
    expect(observations.entry ?? []).toEqual([])
  })
})

describe('who may read', () => {
  it('no sign-in is a 401 OperationOutcome; the CapabilityStatement is public', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/fhir/R4/Patient/${riversidePatient}` })
    expect(res.statusCode).toBe(401)
    expect(outcomeOf(res.body).code).toBe('login')
    expect((await t.app.inject({ method: 'GET', url: '/fhir/R4/metadata' })).statusCode).toBe(200)
  })

  it('an administrator (no patient reads) gets 403; a member of two clinics must name one', async () => {
    const res = await fhirGet(admin, 'Patient', t.clinics.riverside)
    expect(res.statusCode).toBe(403)
    expect(outcomeOf(res.body).code).toBe('forbidden')
    expect((await fhirGet(admin, 'Organization', t.clinics.riverside)).statusCode).toBe(200)
    const unnamed = await fhirGet(prescriber, 'Patient')
    expect(unnamed.statusCode).toBe(400)
    expect(outcomeOf(unnamed.body).diagnostics).toContain('x-ketacare-clinic')
  })
})

describe('bad requests are named, never ignored', () => {
  it.each([
    ['Patient?name=Kim', 'name'],
    ['Observation?code:text=heart', 'code:text'],
    ['Observation?date=sa2026-01-01', 'date'],
    ['Observation?date=2026-13-01', 'date'],
    ['Observation?date=2026-01-01T10:00', 'date'],
    ['Observation?_count=0', '_count'],
    ['Observation?_count=5000', '_count'],
    ['Observation?_include=Observation:performer', '_include'],
    ['Observation?_format=xml', '_format'],
    ['Observation?status=final&status=amended', 'status'],
    ['Encounter?code=1234', 'code'],
  ])('%s → 400 naming %s', async (path, param) => {
    const outcome = await expectRefusedNaming(path, param)
    expect(outcome).toMatchObject({ severity: 'error', code: 'invalid' })
  })

  it('unknown types, ids and routes are 404 OperationOutcomes', async () => {
    for (const path of [
      'Medication/1',
      'Patient/not-a-uuid',
      'Observation/0190a0b0-0000-7000-8000-000000000000-hr',
    ]) {
      const res = await fhirGet(nurse, path)
      expect(res.statusCode, path).toBe(404)
      expect(outcomeOf(res.body).code).toBe('not-found')
    }
    const history = await fhirGet(nurse, `Patient/${riversidePatient}/_history`)
    expect(history.statusCode).toBe(404)
    expect(outcomeOf(history.body).diagnostics).toContain('No FHIR interaction')
    // No write is served; an unsigned one is refused before it could be routed.
    const post = await t.app.inject({ method: 'POST', url: '/fhir/R4/Patient', payload: {} })
    expect(post.statusCode).toBe(401)
    expect(outcomeOf(post.body).code).toBe('login')
  })
})

describe('every FHIR read is audited', () => {
  const events = (action: string) =>
    t.database.db
      .selectFrom('audit_event')
      .selectAll()
      .where('action', '=', action)
      .where('clinic_id', '=', t.clinics.riverside)
      .orderBy('seq')
      .execute()

  it('a read records the resource; a search the ids it returned', async () => {
    const reads = (await events('fhir.read')).length
    await fhirGet(nurse, `Patient/${riversidePatient}`)
    await fhirGet(nurse, `Patient/${riversidePatient}`)
    const after = await events('fhir.read')
    expect(after.length).toBe(reads + 2)
    expect(after.at(-1)).toMatchObject({ entity: 'Patient', entity_id: riversidePatient, outcome: 'success' })
    await fhirGet(nurse, `Patient?_id=${riversidePatient}`)
    const search = (await events('fhir.search')).at(-1)!
    expect(search.detail).toMatchObject({ count: 1, ids: [riversidePatient], patientIds: [riversidePatient] })
  })

  it('a refused read is audited as denied', async () => {
    await fhirGet(admin, `Patient/${riversidePatient}`, t.clinics.riverside)
    const denied = await t.database.db
      .selectFrom('audit_event')
      .selectAll()
      .where('action', '=', 'fhir.read')
      .where('outcome', '=', 'denied')
      .execute()
    expect(denied.length).toBeGreaterThan(0)
  })
})

describe('the depressive episode stays in its clinic; medication parameters are checked', () => {
  const episodeOf = (clinicId: string) =>
    t.database.db
      .selectFrom('screening')
      .select(['id', 'patient_id'])
      .where('clinic_id', '=', clinicId)
      .where('severity', 'is not', null)
      .executeTakeFirstOrThrow()

  it('Riverside’s nurse cannot read or find a Hillcrest Condition', async () => {
    const hillcrest = await episodeOf(t.clinics.hillcrest)
    const riverside = await episodeOf(t.clinics.riverside)
    const read = await fhirGet(nurse, `Condition/${hillcrest.id}`)
    expect(read.statusCode).toBe(404)
    expect(outcomeOf(read.body).code).toBe('not-found')
    expect((await fhirGet(nurse, `Condition/${hillcrest.id}`, t.clinics.hillcrest)).statusCode).toBe(403)
    const byId = (await fhirGet(nurse, `Condition?_id=${hillcrest.id},${riverside.id}`)).json() as Bundle
    expect(byId.entry!.map((e) => e.resource!.id)).toEqual([riverside.id])
    const byPatient = (await fhirGet(nurse, `Condition?patient=${hillcrest.patient_id}`)).json() as Bundle
    expect(byPatient.entry ?? []).toEqual([])
    expect((await fhirGet(nurse, `Condition/${riverside.id}`)).statusCode).toBe(200)
  })

  it.each([
    ['MedicationAdministration?date=2026-01-01', 'date'],
    ['MedicationAdministration?effective-time=sa2026-01-01', 'effective-time'],
    ['MedicationAdministration?context=Patient/abc', 'context'],
    ['Condition?status=active', 'status'],
    ['Medication?patient=abc', 'patient'],
  ])('%s → 400 naming %s', async (path, param) => {
    await expectRefusedNaming(path, param)
  })

  it('an administrator (no clinical reads) is refused administrations and lots', async () => {
    for (const type of ['MedicationAdministration', 'Medication', 'Condition'])
      expect((await fhirGet(admin, type, t.clinics.riverside)).statusCode, type).toBe(403)
  })
})
