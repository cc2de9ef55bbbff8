import type {
  Condition,
  Medication,
  MedicationAdministration,
  Observation,
  Patient,
} from '@medplum/fhirtypes'
import type { Client as FhirClient } from 'fhir-kit-client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startDemoClinic } from '../../../test/support/clinic-fixture'
import { fhirKitClient, matchIds as ids, pageAll, searchWith } from '../../../test/support/fhir'
import type { TestApp } from '../../../test/support/test-app'

// Search, paging and read driven by a real FHIR client library (fhir-kit-client) over HTTP against
// the running app, signed in as the demo clinic's nurse (a member of Riverside only).

let t: TestApp
let fhir: FhirClient
let patientId: string

const rxnorm = 'http://www.nlm.nih.gov/research/umls/rxnorm'

const search = (resourceType: string, searchParams: Record<string, string>) =>
  searchWith(fhir, resourceType, searchParams)

beforeAll(async () => {
  const demo = await startDemoClinic({ roles: ['nurse'], withSessions: true })
  t = demo.t
  fhir = await fhirKitClient(demo.clients.nurse)
  // The Riverside patient with the most vital-sign readings.
  const busiest = await t.database.db
    .selectFrom('vital_sign')
    .select(['patient_id', (eb) => eb.fn.countAll().as('n')])
    .where('clinic_id', '=', t.clinics.riverside)
    .groupBy('patient_id')
    .orderBy('n', 'desc')
    .executeTakeFirstOrThrow()
  patientId = busiest.patient_id
})
afterAll(() => t.close())

describe('FHIR search through fhir-kit-client', () => {
  it('reads the CapabilityStatement', async () => {
    const statement = (await fhir.capabilityStatement()) as unknown as {
      fhirVersion: string
      format: string[]
    }
    expect(statement).toMatchObject({ fhirVersion: '4.0.1', format: ['json'] })
  })

  it('pages a patient’s Observations by next links: the same matches, in order, as one page', async () => {
    const whole = await search('Observation', { patient: patientId, _count: '1000' })
    expect(whole.link!.some((l) => l.relation === 'next')).toBe(false)
    const expected = ids(whole)
    expect(expected.length).toBeGreaterThan(20)
    const pages = await pageAll(fhir, 'Observation', { patient: patientId, _count: '7' })
    for (const page of pages) expect(ids(page).length).toBeLessThanOrEqual(7)
    expect(pages.flatMap(ids)).toEqual(expected)
    expect(pages.length).toBe(Math.ceil(expected.length / 7))
    const resources = (whole.entry ?? []).map((e) => e.resource as Observation)
    expect(new Set(resources.map((o) => o.subject!.reference))).toEqual(new Set([`Patient/${patientId}`]))
  })

  it('date prefixes split the record at an instant: lt and ge partition it', async () => {
    const all = (await search('Observation', { subject: `Patient/${patientId}`, _count: '1000' })).entry!.map(
      (e) => e.resource as Observation,
    )
    const times = all.map((o) => o.effectiveDateTime!).sort()
    const middle = times[Math.floor(times.length / 2)]!
    const before = ids(
      await search('Observation', { patient: patientId, date: `lt${middle}`, _count: '1000' }),
    )
    const after = ids(
      await search('Observation', { patient: patientId, date: `ge${middle}`, _count: '1000' }),
    )
    expect(before.length + after.length).toBe(all.length)
    expect(before.length).toBe(times.filter((x) => x < middle).length)
    const day = middle.slice(0, 10)
    const sameDay = await search('Observation', { patient: patientId, date: day, _count: '1000' })
    expect(ids(sameDay).length).toBeGreaterThan(0)
    for (const e of sameDay.entry!) {
      const at = Date.parse((e.resource as Observation).effectiveDateTime!)
      expect(Math.abs(at - Date.parse(middle))).toBeLessThan(2 * 86_400_000)
    }
  })

  it('code (system|code or code) and category select the kind of Observation', async () => {
    const heart = await search('Observation', { code: 'http://loinc.org|8867-4', _count: '1000' })
    expect(ids(heart).length).toBeGreaterThan(0)
    expect(ids(heart).every((id) => id.endsWith('-hr'))).toBe(true)
    const phq9 = await search('Observation', { code: '44261-6', _count: '1000' })
    for (const e of phq9.entry!) expect((e.resource as Observation).code.coding![0]!.code).toBe('44261-6')
    const madrs = await search('Observation', {
      code: 'https://ketacare.org/fhir/CodeSystem/instrument-total|madrs',
      _count: '1000',
    })
    expect(ids(madrs).length).toBeGreaterThan(0)
    const surveys = await search('Observation', { category: 'survey', _count: '1000' })
    expect(ids(surveys).every((id) => id.endsWith('-total'))).toBe(true)
    expect(ids(await search('Observation', { code: 'http://snomed.info/sct|8867-4' }))).toEqual([])
  })

  it('_include=Observation:patient adds the patient once, as an include', async () => {
    const bundle = await search('Observation', {
      patient: patientId,
      _include: 'Observation:patient',
      _count: '5',
    })
    const included = bundle.entry!.filter((e) => e.search?.mode === 'include')
    expect(included.map((e) => e.resource!.id)).toEqual([patientId])
    expect(included[0]!.fullUrl).toMatch(new RegExp(`/fhir/R4/Patient/${patientId}$`))
  })

  it('reads Patient, Encounter and Observation by id; finds a patient by MRN; Encounters by status', async () => {
    const patient = (await fhir.read({ resourceType: 'Patient', id: patientId })) as Patient
    expect(patient.id).toBe(patientId)
    const mrn = patient.identifier![0]!.value!
    expect(ids(await search('Patient', { identifier: mrn }))).toEqual([patientId])
    const finished = await search('Encounter', { patient: patientId, status: 'finished', _count: '1000' })
    expect(ids(finished).length).toBeGreaterThan(0)
    for (const e of finished.entry!) expect(e.resource).toMatchObject({ status: 'finished' })
    const encounter = await fhir.read({ resourceType: 'Encounter', id: ids(finished)[0]! })
    expect(encounter).toMatchObject({
      resourceType: 'Encounter',
      subject: { reference: `Patient/${patientId}` },
    })
    const observationId = ids(await search('Observation', { patient: patientId, _count: '1' }))[0]!
    expect(await fhir.read({ resourceType: 'Observation', id: observationId })).toMatchObject({
      id: observationId,
    })
    expect(ids(await search('Observation', { _id: observationId }))).toEqual([observationId])
  })

  it('_lastUpdated filters on the record’s version time', async () => {
    const future = new Date(t.clock.now().getTime() + 86_400_000).toISOString()
    expect(ids(await search('Patient', { _lastUpdated: `gt${future}` }))).toEqual([])
    expect(
      ids(await search('Patient', { _lastUpdated: `le${future}`, _count: '1000' })).length,
    ).toBeGreaterThan(0)
  })
})

describe('MedicationAdministration, Medication and Condition through fhir-kit-client', () => {
  const resourcesOf = async <T>(resourceType: string, searchParams: Record<string, string>) =>
    ((await search(resourceType, { ...searchParams, _count: '1000' })).entry ?? []).map(
      (e) => e.resource as T,
    )

  it('finds a patient’s administrations by status, code, effective-time and context', async () => {
    const all = await resourcesOf<MedicationAdministration>('MedicationAdministration', {})
    expect(all.length).toBeGreaterThan(2)
    const infusion = all.find((a) => a.status === 'completed' && a.dosage!.rateQuantity)!
    const patient = infusion.subject.reference!
    const mine = await resourcesOf<MedicationAdministration>('MedicationAdministration', { patient })
    expect(mine.map((a) => a.id)).toEqual(all.filter((a) => a.subject.reference === patient).map((a) => a.id))
    for (const status of ['completed', 'in-progress', 'stopped']) {
      const found = await resourcesOf<MedicationAdministration>('MedicationAdministration', { status })
      expect(found.map((a) => a.id)).toEqual(all.filter((a) => a.status === status).map((a) => a.id))
    }
    const ketamine = ids(await search('MedicationAdministration', { code: `${rxnorm}|6130`, _count: '1000' }))
    const esketamine = ids(await search('MedicationAdministration', { code: '2201623', _count: '1000' }))
    expect(ketamine.length + esketamine.length).toBe(all.length)
    expect(ketamine).toContain(infusion.id)
    const start = infusion.effectivePeriod!.start!
    expect(
      ids(await search('MedicationAdministration', { 'effective-time': start, _id: infusion.id! })),
    ).toEqual([infusion.id])
    expect(
      ids(await search('MedicationAdministration', { 'effective-time': `gt${start}`, _id: infusion.id! })),
    ).toEqual([])
    expect(
      ids(
        await search('MedicationAdministration', { context: infusion.context!.reference!, _count: '1000' }),
      ),
    ).toEqual([infusion.id])
    expect(await fhir.read({ resourceType: 'MedicationAdministration', id: infusion.id! })).toEqual(infusion)
  })

  it('reads the lot an administration names, and finds lots by RxNorm or NDC', async () => {
    const [withLot] = await resourcesOf<MedicationAdministration>('MedicationAdministration', {
      code: '6130',
    })
    const lotId = withLot!.medicationReference!.reference!.split('/')[1]!
    const lot = (await fhir.read({ resourceType: 'Medication', id: lotId })) as Medication
    expect(lot.batch!.lotNumber).toBeTruthy()
    const ndcCode = lot.code!.coding!.find((c) => c.system === 'http://hl7.org/fhir/sid/ndc')!.code!
    expect(ids(await search('Medication', { code: `http://hl7.org/fhir/sid/ndc|${ndcCode}` }))).toContain(
      lotId,
    )
    const ketamineLots = await resourcesOf<Medication>('Medication', { code: `${rxnorm}|6130` })
    expect(ketamineLots.map((m) => m.id)).toContain(lotId)
    for (const m of ketamineLots) expect(m.code!.coding![0]!.code).toBe('6130')
    expect(ids(await search('Medication', { code: `${rxnorm}|${ndcCode}` }))).toEqual([])
  })

  it('finds the episode by patient, ICD-10-CM code and clinical status', async () => {
    const all = await resourcesOf<Condition>('Condition', {})
    expect(all.length).toBeGreaterThan(0)
    const first = all[0]!
    const code = first.code!.coding![0]!.code!
    const byCode = await resourcesOf<Condition>('Condition', {
      code: `http://hl7.org/fhir/sid/icd-10-cm|${code}`,
    })
    expect(byCode.map((c) => c.id)).toEqual(
      all.filter((c) => c.code!.coding![0]!.code === code).map((c) => c.id),
    )
    expect(ids(await search('Condition', { patient: first.subject.reference! }))).toEqual([first.id])
    expect(ids(await search('Condition', { 'clinical-status': 'active', _count: '1000' })).length).toBe(
      all.length,
    )
    expect(ids(await search('Condition', { 'clinical-status': 'resolved' }))).toEqual([])
    expect(await fhir.read({ resourceType: 'Condition', id: first.id! })).toEqual(first)
  })
})
