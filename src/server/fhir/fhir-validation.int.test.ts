import type {
  AdverseEvent,
  Condition,
  Consent,
  Encounter,
  Medication,
  MedicationAdministration,
  Observation,
  Provenance,
  Questionnaire,
  QuestionnaireResponse,
  Resource,
} from '@medplum/fhirtypes'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startDemoClinic } from '../../../test/support/clinic-fixture'
import {
  countInClinic,
  fhirGet,
  invalidResources,
  r4Errors,
  searchEveryType,
  signedRecordCounts,
} from '../../../test/support/fhir'
import type { Client, TestApp } from '../../../test/support/test-app'
import { sources } from './registry'

// Done means (issue 17): every resource KetaCare emits for the whole demo organization validates
// against the FHIR R4 base definitions with a validator we did not write (@medplum/core's), read
// through the API as a client gets them — and the search finds every stored row.

let t: TestApp
let auditor: Client
let nurse: Client
const emitted = new Map<string, Resource[]>()

beforeAll(async () => {
  ;({
    t,
    clients: { auditor, nurse },
  } = await startDemoClinic({ roles: ['auditor', 'nurse'], withSessions: true }))
  // One vital-sign row and one instrument response marked in error, so that status is emitted too.
  const vital = await t.database.db
    .selectFrom('vital_sign')
    .select(['id', 'patient_id'])
    .where('clinic_id', '=', t.clinics.riverside)
    .where('heart_rate_bpm', 'is not', null)
    .where('session_id', 'is', null)
    .executeTakeFirstOrThrow()
  const marked = await nurse.post(
    `/api/v1/clinics/${t.clinics.riverside}/patients/${vital.patient_id}/vitals/${vital.id}/entered-in-error`,
    { reason: 'charted on the wrong patient' },
  )
  expect(marked.statusCode).toBe(204)
  for (const clinicId of [t.clinics.riverside, t.clinics.hillcrest])
    for (const [type, resources] of await searchEveryType(auditor, clinicId))
      emitted.set(`${clinicId} ${type}`, resources)
})
afterAll(() => t.close())

const all = () => [...emitted.values()].flat()

describe('the demo organization as FHIR R4', () => {
  it('every resource of both clinics validates against the R4 base definitions', () => {
    expect(all().length).toBeGreaterThan(200)
    expect(invalidResources(all())).toEqual([])
  })

  // @medplum/core checks structure, cardinality and formats, not value-set bindings: the required
  // codes (gender, status …) are held by @medplum/fhirtypes' literal types when the mappers compile.
  it('the validator is live: it refuses a resource that breaks R4', () => {
    const patient = emitted.get(`${t.clinics.riverside} Patient`)![0]!
    const observation = emitted.get(`${t.clinics.riverside} Observation`)![0]!
    expect(r4Errors({ ...observation, code: undefined } as unknown as Resource).length).toBeGreaterThan(0)
    expect(r4Errors({ ...patient, birthDate: '1980-02-30T' } as Resource).length).toBeGreaterThan(0)
    expect(r4Errors({ ...patient, mrn: 'K-1' } as unknown as Resource).length).toBeGreaterThan(0)
  })

  it('emits every type in each clinic, and every stored patient, session and reading', async () => {
    for (const clinicId of [t.clinics.riverside, t.clinics.hillcrest]) {
      for (const { type } of sources)
        expect(emitted.get(`${clinicId} ${type}`)!.length, type).toBeGreaterThan(0)
      const count = (table: 'patient' | 'treatment_session' | 'instrument_response' | 'body_measurement') =>
        countInClinic(t, table, clinicId)
      expect(emitted.get(`${clinicId} Patient`)!.length).toBe(await count('patient'))
      expect(emitted.get(`${clinicId} Encounter`)!.length).toBe(await count('treatment_session'))
      const observations = emitted.get(`${clinicId} Observation`) as Observation[]
      expect(observations.filter((o) => o.id!.endsWith('-total')).length).toBe(
        await count('instrument_response'),
      )
      expect(observations.filter((o) => o.id!.endsWith('-weight')).length).toBe(
        await count('body_measurement'),
      )
      expect(new Set(observations.map((o) => o.id)).size).toBe(observations.length)
      const responses = emitted.get(`${clinicId} QuestionnaireResponse`)!
      expect(responses.length).toBe(await count('instrument_response'))
      // Every total is derived from a response that is served, answering a served Questionnaire.
      const responseRefs = new Set(responses.map((r) => `QuestionnaireResponse/${r.id}`))
      for (const o of observations.filter((x) => x.id!.endsWith('-total')))
        expect(responseRefs.has(o.derivedFrom![0]!.reference!)).toBe(true)
      const questionnaireUrls = new Set(
        (emitted.get(`${clinicId} Questionnaire`) as Questionnaire[]).map((q) => q.url),
      )
      for (const r of responses as QuestionnaireResponse[])
        expect(questionnaireUrls.has(r.questionnaire)).toBe(true)
    }
  })

  it('emits one Consent, CarePlan, AdverseEvent per row and a Provenance per signed act', async () => {
    for (const clinicId of [t.clinics.riverside, t.clinics.hillcrest]) {
      const expected = await signedRecordCounts(t, clinicId)
      for (const [type, count] of Object.entries(expected))
        expect(emitted.get(`${clinicId} ${type}`)!.length, type).toBe(count)
      // Every Provenance signs a record that is served in the same clinic.
      const served = new Set(
        [...emitted.entries()]
          .filter(([key]) => key.startsWith(clinicId))
          .flatMap(([, resources]) => resources.map((r) => `${r.resourceType}/${r.id}`)),
      )
      const provenance = emitted.get(`${clinicId} Provenance`) as Provenance[]
      for (const p of provenance) expect(served.has(p.target[0]!.reference!), p.id).toBe(true)
      for (const e of emitted.get(`${clinicId} AdverseEvent`) as AdverseEvent[])
        expect(served.has(e.encounter!.reference!), e.id).toBe(true)
    }
    const provenance = all().filter((r): r is Provenance => r.resourceType === 'Provenance')
    expect(new Set(provenance.map((p) => p.activity!.coding![0]!.code))).toEqual(
      new Set(['eligibility', 'approval', 'discharge', 'consent']),
    )
    const consent = emitted.get(`${t.clinics.riverside} Consent`)![0] as Consent
    expect(consent.sourceAttachment).toMatchObject({
      contentType: 'application/pdf',
      url: `/api/v1/clinics/${t.clinics.riverside}/patients/${consent.patient!.reference!.slice(8)}/consents/${consent.id}/pdf`,
    })
    // The attachment is the consent feature's PDF of that consent.
    const pdf = await nurse.get(consent.sourceAttachment!.url!)
    expect(pdf.statusCode).toBe(200)
    expect(pdf.headers['content-type']).toContain('application/pdf')
    expect(r4Errors({ ...consent, policyRule: undefined } as Resource).length).toBeGreaterThan(0)
  })

  it('vital signs have the US Core shape: LOINC codes, UCUM units, the BP panel with components', () => {
    const observations = all().filter((r): r is Observation => r.resourceType === 'Observation')
    const bp = observations.find((o) => o.id!.endsWith('-bp'))!
    expect(bp.category![0]!.coding![0]).toMatchObject({ code: 'vital-signs' })
    expect(bp.code.coding![0]!.code).toBe('85354-9')
    expect(bp.component!.map((c) => c.code.coding![0]!.code)).toEqual(['8480-6', '8462-4'])
    expect(bp.component![0]!.valueQuantity).toMatchObject({
      system: 'http://unitsofmeasure.org',
      code: 'mm[Hg]',
    })
    const spo2 = observations.find((o) => o.id!.endsWith('-spo2'))!
    expect(spo2.code.coding!.map((c) => c.code)).toEqual(['2708-6', '59408-5'])
    expect(observations.find((o) => o.id!.endsWith('-hr'))!.valueQuantity!.code).toBe('/min')
    const phq9 = observations.find((o) => o.code.coding!.some((c) => c.code === '44261-6'))!
    expect(phq9.category![0]!.coding![0]!.code).toBe('survey')
    expect(observations.filter((o) => o.status === 'entered-in-error').length).toBeGreaterThan(0)
  })

  it('a read carries the version as a weak ETag and the update time as Last-Modified', async () => {
    const patient = emitted.get(`${t.clinics.riverside} Patient`)![0]!
    const res = await fhirGet(auditor, `Patient/${patient.id}`, t.clinics.riverside)
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toContain('application/fhir+json')
    expect(res.headers.etag).toBe(`W/"${patient.meta!.versionId}"`)
    expect(res.headers['last-modified']).toBe(new Date(patient.meta!.lastUpdated!).toUTCString())
    expect(res.json()).toEqual(patient)
  })

  it('the CapabilityStatement validates and lists exactly the served types and parameters', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/fhir/R4/metadata' })
    expect(res.statusCode).toBe(200)
    const statement = res.json()
    expect(r4Errors(statement)).toEqual([])
    const rest = statement.rest[0].resource as { type: string; searchParam: { name: string }[] }[]
    expect(rest.map((r) => r.type)).toEqual(sources.map((s) => s.type))
    const observation = rest.find((r) => r.type === 'Observation')!
    expect(observation.searchParam.map((p) => p.name)).toEqual([
      ...sources.find((s) => s.type === 'Observation')!.params,
      '_count',
      '_cursor',
    ])
  })
})

describe('medications and the depressive episode', () => {
  const ofType = <T extends Resource>(clinicId: string, type: T['resourceType']) =>
    emitted.get(`${clinicId} ${type}`) as T[]

  it('one MedicationAdministration per dosed session, one Medication per lot, one Condition per described episode', async () => {
    const db = t.database.db
    for (const clinicId of [t.clinics.riverside, t.clinics.hillcrest]) {
      const dosed = await db
        .selectFrom('treatment_session as s')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('s.clinic_id', '=', clinicId)
        .where((eb) =>
          eb.or([
            eb('s.dose_started_at', 'is not', null),
            eb.exists(
              eb
                .selectFrom('session_event as e')
                .select('e.id')
                .whereRef('e.session_id', '=', 's.id')
                .where('e.kind', 'in', ['infusion', 'device']),
            ),
          ]),
        )
        .executeTakeFirstOrThrow()
      const lots = await db
        .selectFrom('cs_lot')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('clinic_id', '=', clinicId)
        .executeTakeFirstOrThrow()
      const episodes = await db
        .selectFrom('screening')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('clinic_id', '=', clinicId)
        .where('severity', 'is not', null)
        .executeTakeFirstOrThrow()
      const administrations = ofType<MedicationAdministration>(clinicId, 'MedicationAdministration')
      expect(administrations.length).toBe(Number(dosed.n))
      expect(ofType<Medication>(clinicId, 'Medication').length).toBe(Number(lots.n))
      expect(ofType<Condition>(clinicId, 'Condition').length).toBe(Number(episodes.n))
      // Each administration is in its session's Encounter, and each lot it names is served.
      const encounters = new Set(ofType<Encounter>(clinicId, 'Encounter').map((e) => `Encounter/${e.id}`))
      const medications = new Set(ofType<Medication>(clinicId, 'Medication').map((m) => `Medication/${m.id}`))
      for (const a of administrations) {
        expect(encounters.has(a.context!.reference!)).toBe(true)
        if (a.medicationReference) expect(medications.has(a.medicationReference.reference!)).toBe(true)
      }
    }
  })

  it('an infusion has its rate, the IV route and a ledger lot with RxNorm 6130; devices the nasal route', () => {
    const administrations = all().filter(
      (r): r is MedicationAdministration => r.resourceType === 'MedicationAdministration',
    )
    const medications = new Map(
      all()
        .filter((r): r is Medication => r.resourceType === 'Medication')
        .map((m) => [`Medication/${m.id}`, m]),
    )
    const infusion = administrations.find(
      (a) =>
        a.dosage?.route?.coding?.[0]?.code === '47625008' &&
        a.medicationReference &&
        a.status === 'completed',
    )!
    expect(infusion.dosage!.rateQuantity).toMatchObject({
      system: 'http://unitsofmeasure.org',
      code: 'mg/min',
    })
    expect(infusion.dosage!.dose).toMatchObject({ system: 'http://unitsofmeasure.org', code: 'mg' })
    expect(infusion.effectivePeriod!.end! > infusion.effectivePeriod!.start!).toBe(true)
    const lot = medications.get(infusion.medicationReference!.reference!)!
    expect(lot.code!.coding![0]).toMatchObject({
      system: 'http://www.nlm.nih.gov/research/umls/rxnorm',
      code: '6130',
    })
    expect(lot.batch!.lotNumber).toBeTruthy()
    const nasal = administrations.filter((a) => a.dosage?.route?.coding?.[0]?.code === '46713006')
    expect(nasal.length).toBeGreaterThan(0)
    for (const a of nasal) expect(a.dosage!.dose!.value! % 28).toBe(0)
    // The demo board has an infusion running and sessions stopped early or aborted.
    const statuses = new Set(administrations.map((a) => a.status))
    for (const status of ['completed', 'in-progress', 'stopped'])
      expect(statuses.has(status as never)).toBe(true)
    const running = administrations.find((a) => a.status === 'in-progress')!
    expect(running.effectivePeriod!.end).toBeUndefined()
  })

  it('the episode is coded in ICD-10-CM, active, on the problem list', () => {
    const conditions = all().filter((r): r is Condition => r.resourceType === 'Condition')
    expect(conditions.length).toBeGreaterThan(0)
    for (const c of conditions) {
      expect(c.code!.coding![0]!.system).toBe('http://hl7.org/fhir/sid/icd-10-cm')
      expect(c.code!.coding![0]!.code).toMatch(/^F3[23]\.[0-3A]$/)
      expect(c.clinicalStatus!.coding![0]!.code).toBe('active')
      expect(c.category![0]!.coding![0]!.code).toBe('problem-list-item')
    }
  })
})
