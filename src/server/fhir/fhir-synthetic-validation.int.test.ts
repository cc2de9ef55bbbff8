import type { Observation, Resource } from '@medplum/fhirtypes'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  countInClinic,
  invalidResources,
  searchEveryType,
  signedRecordCounts,
} from '../../../test/support/fhir'
import { Client, demoEmails, startTestApp, type TestApp } from '../../../test/support/test-app'
import { seedSyntheticPopulation } from '../seed/synthetic'
import { sources } from './registry'

// Done means (issue 17): every resource of every served type validates against the R4 base
// definitions over a synthetic population too — 150 patients with their courses in the second demo
// clinic (fixed seed), read through the API page by page as a client gets them.

const patients = 150
let t: TestApp
let emitted: Map<string, Resource[]>
let seconds: number

beforeAll(async () => {
  t = await startTestApp()
  const auditor = new Client(t)
  await auditor.signIn(demoEmails.auditor)
  await seedSyntheticPopulation(t.ctx, { clinicId: t.clinics.hillcrest, patients, seed: 42 })
  const started = performance.now()
  emitted = await searchEveryType(auditor, t.clinics.hillcrest)
  seconds = (performance.now() - started) / 1000
}, 120_000)
afterAll(() => t.close())

const count = (table: Parameters<typeof countInClinic>[1]) => countInClinic(t, table, t.clinics.hillcrest)

describe('a synthetic population as FHIR R4', () => {
  it('every resource of every served type validates against the R4 base definitions', () => {
    const all = [...emitted.values()].flat()
    expect(all.length).toBeGreaterThan(patients * 50)
    const started = performance.now()
    expect(invalidResources(all)).toEqual([])
    console.info(
      `${all.length} resources searched in ${seconds.toFixed(1)} s, validated in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    )
  })

  it('emits every type, and one resource per stored row or signed act', async () => {
    // The synthetic seed keeps no ledger and no intake screening: Medication (a received lot) and
    // Condition (the episode a screening records) come only from Hillcrest's demo rows, so they are
    // counted against those rows; every other type must be there.
    const notSynthetic = ['Medication', 'Condition']
    for (const { type } of sources.filter((s) => !notSynthetic.includes(s.type)))
      expect(emitted.get(type)!.length, type).toBeGreaterThan(0)
    expect(emitted.get('Medication')!.length).toBe(await count('cs_lot'))
    expect(emitted.get('Condition')!.length).toBe(
      Number(
        (
          await t.database.db
            .selectFrom('screening')
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .where('clinic_id', '=', t.clinics.hillcrest)
            .where('severity', 'is not', null)
            .executeTakeFirstOrThrow()
        ).n,
      ),
    )
    expect(emitted.get('Patient')!.length).toBe(patients)
    expect(await count('patient')).toBe(patients)
    expect(emitted.get('Encounter')!.length).toBe(await count('treatment_session'))
    const observations = emitted.get('Observation') as Observation[]
    expect(observations.filter((o) => o.id!.endsWith('-total')).length).toBe(
      await count('instrument_response'),
    )
    expect(observations.filter((o) => o.id!.endsWith('-hr')).length).toBe(await count('vital_sign'))
    expect(new Set(observations.map((o) => o.id)).size).toBe(observations.length)
    for (const [type, expected] of Object.entries(await signedRecordCounts(t, t.clinics.hillcrest)))
      expect(emitted.get(type)!.length, type).toBe(expected)
  })
})
