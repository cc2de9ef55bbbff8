import type { AdverseEvent, CarePlan, Consent, OperationOutcome, Provenance } from '@medplum/fhirtypes'
import type { Client as FhirClient } from 'fhir-kit-client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startDemoClinic } from '../../../test/support/clinic-fixture'
import { fhirGet, fhirKitClient, matchIds, pageAll, searchWith } from '../../../test/support/fhir'
import type { Client, TestApp } from '../../../test/support/test-app'

// Consent, CarePlan, AdverseEvent and Provenance searched and read through fhir-kit-client over
// HTTP as the demo clinic's nurse (a member of Riverside only), about a patient who was treated.

let t: TestApp
let nurse: Client
let fhir: FhirClient
let patientId: string
let hillcrestPatientId: string

const search = (type: string, params: Record<string, string>) => searchWith(fhir, type, params)
const resources = async <T>(type: string, params: Record<string, string>) =>
  ((await search(type, { _count: '1000', ...params })).entry ?? []).map((e) => e.resource as T)

beforeAll(async () => {
  const demo = await startDemoClinic({ roles: ['nurse'], withSessions: true })
  t = demo.t
  nurse = demo.clients.nurse
  fhir = await fhirKitClient(nurse)
  const patientWithSideEffects = (clinicId: string) =>
    t.database.db
      .selectFrom('side_effect')
      .select('patient_id')
      .where('clinic_id', '=', clinicId)
      .executeTakeFirstOrThrow()
  patientId = (await patientWithSideEffects(t.clinics.riverside)).patient_id
  hillcrestPatientId = (await patientWithSideEffects(t.clinics.hillcrest)).patient_id
})
afterAll(() => t.close())

describe('signed records through fhir-kit-client', () => {
  it('a patient’s consent: active, then inactive (version 2) once withdrawn; status and date select it', async () => {
    const [consent] = await resources<Consent>('Consent', { patient: patientId, status: 'active' })
    expect(consent).toMatchObject({ status: 'active', patient: { reference: `Patient/${patientId}` } })
    expect(consent!.sourceAttachment!.contentType).toBe('application/pdf')
    const signedDay = consent!.dateTime!.slice(0, 10)
    expect(matchIds(await search('Consent', { patient: patientId, date: `ge${signedDay}` }))).toContain(
      consent!.id,
    )
    expect(matchIds(await search('Consent', { patient: patientId, date: `lt${signedDay}` }))).toEqual([])
    const withdrawn = await nurse.post(
      `/api/v1/clinics/${t.clinics.riverside}/patients/${patientId}/consents/${consent!.id}/withdraw`,
      { reason: 'patient asked to stop treatment' },
    )
    expect(withdrawn.statusCode).toBe(200)
    const read = (await fhir.read({ resourceType: 'Consent', id: consent!.id! })) as unknown as Consent
    expect(read).toMatchObject({ status: 'inactive', meta: { versionId: '2' } })
    expect(read.provision!.period!.end).toBeDefined()
    expect(matchIds(await search('Consent', { patient: patientId, status: 'inactive' }))).toContain(
      consent!.id,
    )
    // The search's audit event names the patient the consents are about.
    const audited = await t.database.db
      .selectFrom('audit_event')
      .select('detail')
      .where('action', '=', 'fhir.search')
      .where('entity', '=', 'Consent')
      .where('clinic_id', '=', t.clinics.riverside)
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow()
    expect(audited.detail).toMatchObject({ patientIds: [patientId] })
    expect(matchIds(await search('Consent', { patient: patientId, status: 'active' }))).not.toContain(
      consent!.id,
    )
  })

  it('the treatment plan: an active CarePlan with the drug (RxNorm), dose and its prescriber', async () => {
    const plans = await resources<CarePlan>('CarePlan', { subject: `Patient/${patientId}` })
    const active = plans.filter((p) => p.status === 'active')
    expect(active).toHaveLength(1)
    const detail = active[0]!.activity![0]!.detail!
    expect(detail.productCodeableConcept!.coding![0]!.system).toBe(
      'http://www.nlm.nih.gov/research/umls/rxnorm',
    )
    expect(['6130', '2201623']).toContain(detail.productCodeableConcept!.coding![0]!.code)
    expect(detail.quantity!.value).toBeGreaterThan(0)
    expect(active[0]!.author!.reference).toMatch(/^Practitioner\//)
    const byStatus = await resources<CarePlan>('CarePlan', { status: 'active' })
    expect(byStatus.every((p) => p.status === 'active')).toBe(true)
    expect(byStatus.map((p) => p.id)).toContain(active[0]!.id)
    expect(await fhir.read({ resourceType: 'CarePlan', id: active[0]!.id! })).toEqual(active[0])
  })

  it('side effects as AdverseEvents with the grade’s severity, in their session', async () => {
    const rows = await t.database.db
      .selectFrom('side_effect')
      .select(['id', 'grade', 'session_id', 'term'])
      .where('patient_id', '=', patientId)
      .execute()
    const events = await resources<AdverseEvent>('AdverseEvent', { patient: patientId })
    expect(events.map((e) => e.id).sort()).toEqual(rows.map((r) => r.id).sort())
    for (const row of rows) {
      const event = events.find((e) => e.id === row.id)!
      expect(event.encounter!.reference).toBe(`Encounter/${row.session_id}`)
      expect(event.event!.text).toBe(row.term)
      expect(event.extension![0]!.valueInteger).toBe(row.grade)
      expect(event.severity!.coding![0]!.code).toBe(
        row.grade === 1 ? 'mild' : row.grade === 2 ? 'moderate' : 'severe',
      )
    }
    const onset = events[0]!.date!
    expect(matchIds(await search('AdverseEvent', { patient: patientId, date: `gt${onset}` }))).not.toContain(
      events[0]!.id,
    )
  })

  it('Provenance of the patient’s signed acts pages by next links across its four tables', async () => {
    const whole = await resources<Provenance>('Provenance', { patient: patientId })
    const kinds = new Set(whole.map((p) => p.activity!.coding![0]!.code))
    expect(kinds).toEqual(
      new Set(['eligibility', 'approval', 'consent', ...(kinds.has('discharge') ? ['discharge'] : [])]),
    )
    const all = await resources<Provenance>('Provenance', {})
    const pages = await pageAll(fhir, 'Provenance', { _count: '3' })
    expect(pages.flatMap(matchIds)).toEqual(all.map((p) => p.id))
    expect(pages.length).toBe(Math.ceil(all.length / 3))
    const approval = whole.find((p) => p.id!.endsWith('-approval'))!
    expect(approval.target[0]!.reference).toMatch(/^CarePlan\//)
    expect(await fhir.read({ resourceType: 'Provenance', id: approval.id! })).toEqual(approval)
    const consent = whole.find((p) => p.id!.endsWith('-consent'))!
    expect(consent.signature![0]!.data).toBeDefined()
    expect(consent.agent.map((a) => a.type!.coding![0]!.code)).toEqual(['author', 'verifier'])
  })
})

describe('the CapabilityStatement', () => {
  it('states each new type’s parameters with their R4 definitions, none where R4 has none', async () => {
    const statement = (await fhir.capabilityStatement()) as unknown as {
      rest: { resource: { type: string; searchParam: { name: string; definition?: string }[] }[] }[]
    }
    const params = (type: string) =>
      Object.fromEntries(
        statement.rest[0]!.resource.find((r) => r.type === type)!.searchParam.map((p) => [
          p.name,
          p.definition,
        ]),
      )
    const spec = 'http://hl7.org/fhir/SearchParameter'
    expect(params('AdverseEvent')).toMatchObject({
      subject: `${spec}/AdverseEvent-subject`,
      date: `${spec}/AdverseEvent-date`,
      patient: undefined,
    })
    expect(params('Provenance')).toEqual({
      _id: `${spec}/Resource-id`,
      _lastUpdated: `${spec}/Resource-lastUpdated`,
      patient: `${spec}/Provenance-patient`,
      _count: undefined,
      _cursor: undefined,
    })
    expect(params('Consent')).toMatchObject({
      status: `${spec}/Consent-status`,
      date: `${spec}/clinical-date`,
    })
    expect(params('CarePlan')).toMatchObject({ status: `${spec}/CarePlan-status` })
  })
})

describe('another clinic’s signed records are not there', () => {
  it('Riverside’s nurse: 404 reading Hillcrest’s, empty searches, 403 naming Hillcrest', async () => {
    const hillcrest = await t.database.db
      .selectFrom('consent')
      .select('id')
      .where('patient_id', '=', hillcrestPatientId)
      .executeTakeFirstOrThrow()
    for (const path of [`Consent/${hillcrest.id}`, `Provenance/${hillcrest.id}-consent`]) {
      const res = await fhirGet(nurse, path)
      expect(res.statusCode, path).toBe(404)
      expect((res.json() as OperationOutcome).issue![0]!.code).toBe('not-found')
    }
    for (const type of ['Consent', 'CarePlan', 'AdverseEvent', 'Provenance'])
      expect(matchIds(await search(type, { patient: hillcrestPatientId })), type).toEqual([])
    expect((await fhirGet(nurse, `Consent/${hillcrest.id}`, t.clinics.hillcrest)).statusCode).toBe(403)
  })

  it('unsupported parameters and unknown Provenance ids are refused', async () => {
    const target = await fhirGet(nurse, 'Provenance?target=CarePlan/1')
    expect(target.statusCode).toBe(400)
    expect((target.json() as OperationOutcome).issue![0]!.diagnostics).toMatch(/^target:/)
    expect((await fhirGet(nurse, `Provenance/${patientId}-signature`)).statusCode).toBe(404)
    expect((await fhirGet(nurse, `Provenance/${patientId}`)).statusCode).toBe(404)
  })
})
