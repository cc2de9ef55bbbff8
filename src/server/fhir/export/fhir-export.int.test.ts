import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Resource } from '@medplum/fhirtypes'
import { Client as FhirClient } from 'fhir-kit-client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startDemoClinic } from '../../../../test/support/clinic-fixture'
import { r4Errors } from '../../../../test/support/fhir'
import type { TestApp } from '../../../../test/support/test-app'
import { runExportJobs } from './run-export-jobs'

// A Bulk Data export round trip driven by a FHIR client library (fhir-kit-client) over HTTP: kick-off,
// status, manifest, every file downloaded and every line validated against the R4 base definitions,
// then the refusals, cancelling and expiry. The worker pass is run by the test (runExportJobs).

interface Manifest {
  transactionTime: string
  request: string
  requiresAccessToken: boolean
  output: { type: string; url: string; count: number }[]
  error: unknown[]
}

let t: TestApp
let address: string
let dataDir: string
const cookies: Record<string, string> = {}
const csrfTokens: Record<string, string> = {}
const clientOf = (role: string) =>
  new FhirClient({
    baseUrl: `${address}/fhir/R4`,
    customHeaders: { cookie: cookies[role]!, 'x-csrf-token': csrfTokens[role]! },
  })
const async = { headers: { prefer: 'respond-async' } }

/** The status and headers of a fhir-kit-client call, thrown or not. */
async function call(run: () => Promise<unknown>) {
  try {
    const result = (await run()) as object
    const { response } = FhirClient.httpFor(result as never)
    return { status: response!.status, headers: response!.headers, body: result }
  } catch (error) {
    const { response } = error as { response?: { status: number; data: unknown } }
    if (!response) throw error
    return { status: response.status, headers: new Headers(), body: response.data }
  }
}

const kickOff = async (role: string, path: string, options: { headers: Record<string, string> } = async) => {
  const res = await call(() => clientOf(role).request(path, { options }))
  return { ...res, statusUrl: res.headers.get('content-location') ?? '' }
}
const poll = (role: string, statusUrl: string) => call(() => clientOf(role).request(statusUrl))

/** An NDJSON file as its lines' resources (fetch: the client parses one JSON document per response). */
async function download(role: string, url: string) {
  const res = await fetch(url, { headers: { cookie: cookies[role]! } })
  const text = await res.text()
  return {
    status: res.status,
    type: res.headers.get('content-type'),
    resources:
      res.status === 200
        ? text
            .trimEnd()
            .split('\n')
            .map((l) => JSON.parse(l) as Resource)
        : [],
  }
}

async function exportDone(role: string, path: string) {
  const started = await kickOff(role, path)
  expect(started.status).toBe(202)
  await runExportJobs(t.ctx, 'test-worker')
  const done = await poll(role, started.statusUrl)
  expect(done.status).toBe(200)
  return { statusUrl: started.statusUrl, manifest: done.body as Manifest }
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'ketacare-fhir-export-'))
  const demo = await startDemoClinic({
    roles: ['nurse', 'nurse2', 'frontDesk'],
    withSessions: true,
    env: { KETACARE_DATA_DIR: dataDir },
  })
  t = demo.t
  for (const [role, client] of Object.entries(demo.clients)) {
    cookies[role] = `kc_session=${client.cookie}`
    csrfTokens[role] = client.csrfToken!
  }
  address = await t.app.listen({ port: 0, host: '127.0.0.1' })
})
afterAll(async () => {
  await t.close()
  rmSync(dataDir, { recursive: true, force: true })
})

const riversidePatients = async () =>
  (
    await t.database.db
      .selectFrom('patient')
      .select(['id', 'updated_at'])
      .where('clinic_id', '=', t.clinics.riverside)
      .execute()
  ).map((p) => ({ id: p.id, updatedAt: p.updated_at }))

describe('FHIR Bulk Data $export through fhir-kit-client', () => {
  it('exports every served type of the clinic: valid NDJSON, all of it about Riverside’s patients', async () => {
    const started = await kickOff('nurse', '$export?_outputFormat=application/fhir%2Bndjson')
    expect(started.status).toBe(202)
    expect(started.statusUrl).toMatch(/\/fhir\/R4\/\$export-status\/[0-9a-f-]{36}$/)
    const waiting = await poll('nurse', started.statusUrl)
    expect(waiting.status).toBe(202)
    expect(waiting.headers.get('x-progress')).toBe('queued')
    expect(waiting.headers.get('retry-after')).toBe('2')

    expect((await runExportJobs(t.ctx, 'test-worker')).ran).toBe(1)
    const done = await poll('nurse', started.statusUrl)
    expect(done.status).toBe(200)
    const manifest = done.body as Manifest
    expect(manifest).toMatchObject({ requiresAccessToken: true, error: [] })
    expect(manifest.request).toMatch(/\/fhir\/R4\/\$export\?_outputFormat=/)
    const types = manifest.output.map((o) => o.type)
    expect(types).toEqual(expect.arrayContaining(['Patient', 'Encounter', 'Observation', 'Organization']))

    const patients = new Set((await riversidePatients()).map((p) => p.id))
    for (const file of manifest.output) {
      const { status, type, resources } = await download('nurse', file.url)
      expect(status).toBe(200)
      expect(type).toMatch(/^application\/fhir\+ndjson/)
      expect(resources).toHaveLength(file.count)
      for (const resource of resources) {
        expect(resource.resourceType).toBe(file.type)
        expect(r4Errors(resource), `${file.type}/${resource.id}`).toEqual([])
        const subject =
          'subject' in resource ? (resource.subject as { reference: string }).reference : undefined
        if (subject) expect(patients.has(subject.replace('Patient/', ''))).toBe(true)
      }
      if (file.type === 'Patient') expect(new Set(resources.map((r) => r.id))).toEqual(patients)
    }
    const audited = await t.database.db
      .selectFrom('audit_event')
      .select(['entity', 'detail'])
      .where('action', '=', 'fhir.export')
      .where('clinic_id', '=', t.clinics.riverside)
      .execute()
    expect(new Set(audited.map((a) => a.entity))).toEqual(new Set(types))
  })

  it('states the export operations in the CapabilityStatement', async () => {
    const statement = (await clientOf('nurse').capabilityStatement()) as unknown as {
      instantiates: string[]
      rest: { operation: { name: string }[]; resource: { type: string; operation?: { name: string }[] }[] }[]
    }
    expect(statement.instantiates).toEqual(['http://hl7.org/fhir/uv/bulkdata/CapabilityStatement/bulk-data'])
    expect(statement.rest[0]!.operation.map((o) => o.name)).toEqual(['export', 'group-export'])
    expect(statement.rest[0]!.resource.find((r) => r.type === 'Patient')!.operation).toEqual([
      { name: 'export', definition: 'http://hl7.org/fhir/uv/bulkdata/OperationDefinition/patient-export' },
    ])
  })

  it('honours _type and _since at Group level (the clinic’s Group)', async () => {
    const byUpdate = (await riversidePatients()).sort((a, b) => a.updatedAt.getTime() - b.updatedAt.getTime())
    const since = byUpdate[Math.floor(byUpdate.length / 2)]!.updatedAt
    const expected = byUpdate.filter((p) => p.updatedAt >= since).map((p) => p.id)
    const { manifest } = await exportDone(
      'nurse',
      `Group/${t.clinics.riverside}/$export?_type=Patient,Encounter&_since=${encodeURIComponent(since.toISOString())}`,
    )
    expect(manifest.output.map((o) => o.type).every((type) => ['Patient', 'Encounter'].includes(type))).toBe(
      true,
    )
    const patientFile = manifest.output.find((o) => o.type === 'Patient')!
    const { resources } = await download('nurse', patientFile.url)
    expect(resources.map((r) => r.id).sort()).toEqual(expected.sort())
    for (const r of resources)
      expect(Date.parse(r.meta!.lastUpdated!)).toBeGreaterThanOrEqual(since.getTime())
  })

  it('limits a POST Patient-level export to the patients its Parameters name', async () => {
    // A Riverside patient with vital signs recorded.
    const { patient_id: patientId } = await t.database.db
      .selectFrom('vital_sign')
      .select('patient_id')
      .where('clinic_id', '=', t.clinics.riverside)
      .limit(1)
      .executeTakeFirstOrThrow()
    const parameters = (patient: string) => ({
      resourceType: 'Parameters',
      parameter: [
        { name: '_type', valueString: 'Patient,Observation' },
        { name: 'patient', valueReference: { reference: `Patient/${patient}` } },
      ],
    })
    const post = (path: string, body: object) =>
      call(() =>
        clientOf('nurse').request(path, {
          method: 'POST',
          body,
          options: { headers: { ...async.headers, 'content-type': 'application/fhir+json' } },
        }),
      )
    expect((await post('$export', parameters(patientId))).status).toBe(400)
    expect((await post('Patient/$export', parameters('0190aaaa-0000-7000-8000-000000000000'))).status).toBe(
      400,
    )
    const started = await post('Patient/$export', parameters(patientId))
    expect(started.status).toBe(202)
    await runExportJobs(t.ctx, 'test-worker')
    const manifest = (await poll('nurse', started.headers.get('content-location')!)).body as Manifest
    const files = Object.fromEntries(
      await Promise.all(
        manifest.output.map(async (o) => [o.type, (await download('nurse', o.url)).resources]),
      ),
    ) as Record<string, Resource[]>
    expect(files.Patient!.map((p) => p.id)).toEqual([patientId])
    expect(files.Observation!.length).toBeGreaterThan(0)
    for (const o of files.Observation!)
      expect((o as { subject: { reference: string } }).subject.reference).toBe(`Patient/${patientId}`)
  })
})

describe('FHIR Bulk Data $export refusals, cancelling and expiry', () => {
  it('refuses a kick-off without Prefer: respond-async, unknown parameters and other formats (400)', async () => {
    for (const [path, options] of [
      ['$export', { headers: {} }],
      ['$export?_typeFilter=Observation%3Fcode%3D1', async],
      ['$export?_outputFormat=text/csv', async],
      ['$export?_type=Banana', async],
      ['$export?_since=yesterday', async],
      ['Patient/$export?_type=Organization', async],
    ] as const) {
      const res = await kickOff('nurse', path, options)
      expect(res.status, path).toBe(400)
      expect((res.body as { resourceType: string }).resourceType).toBe('OperationOutcome')
    }
    expect((await kickOff('nurse', `Group/${t.clinics.hillcrest}/$export`)).status).toBe(404)
  })

  it('lets only the caller who started a job poll, fetch or cancel it', async () => {
    const { statusUrl, manifest } = await exportDone('nurse', 'Patient/$export?_type=Patient')
    const fileUrl = manifest.output[0]!.url
    for (const other of ['nurse2', 'frontDesk']) {
      expect((await poll(other, statusUrl)).status, other).toBe(404)
      expect((await download(other, fileUrl)).status, other).toBe(404)
      expect((await call(() => clientOf(other).request(statusUrl, { method: 'DELETE' }))).status).toBe(404)
    }
    expect((await download('nurse', fileUrl)).status).toBe(200)
  })

  it('cancels with DELETE (files removed, then 404) and expires finished jobs (files removed, then 410)', async () => {
    const cancelled = await exportDone('nurse', '$export?_type=Patient')
    const jobOf = (statusUrl: string) => statusUrl.split('/').at(-1)!
    const dirOf = (statusUrl: string) => join(dataDir, 'fhir-export', jobOf(statusUrl))
    expect(existsSync(join(dirOf(cancelled.statusUrl), 'Patient.ndjson'))).toBe(true)
    const deleted = await call(() => clientOf('nurse').request(cancelled.statusUrl, { method: 'DELETE' }))
    expect(deleted.status).toBe(202)
    expect(existsSync(dirOf(cancelled.statusUrl))).toBe(false)
    expect((await poll('nurse', cancelled.statusUrl)).status).toBe(404)

    const kept = await exportDone('nurse', '$export?_type=Patient')
    expect(existsSync(dirOf(kept.statusUrl))).toBe(true)
    // Its expiry reached (moving the clock a day would end the sign-in too).
    await t.database.db
      .updateTable('fhir_export_job')
      .set({ expires_at: new Date(t.clock.now().getTime() - 1000) })
      .where('id', '=', jobOf(kept.statusUrl))
      .execute()
    expect((await runExportJobs(t.ctx, 'test-worker')).expired).toBeGreaterThanOrEqual(1)
    expect(existsSync(dirOf(kept.statusUrl))).toBe(false)
    expect((await poll('nurse', kept.statusUrl)).status).toBe(410)
    expect((await download('nurse', kept.manifest.output[0]!.url)).status).toBe(410)
  })
})
