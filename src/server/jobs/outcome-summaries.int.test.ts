import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../../../test/support/test-app'
import { seedSyntheticPopulation } from '../seed/synthetic'
import { refreshStaleOutcomes } from './outcome-summaries'

let t: TestApp
beforeAll(async () => {
  t = await startTestApp()
  await seedSyntheticPopulation(t.ctx, { clinicId: t.clinics.riverside, patients: 250, seed: 8 })
})
afterAll(() => t.close())

const staleCount = async () =>
  Number(
    (
      await t.database.db
        .selectFrom('outcome_stale')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  )

describe('outcome summary in the background', () => {
  it('recomputes changed patients in bounded chunks until none is left', async () => {
    expect(await staleCount()).toBe(0)
    // A patient registered but never treated has no summary; the chunks still count them as done.
    await t.database.db
      .insertInto('patient')
      .values({
        id: '01900000-0000-7000-8000-000000000001',
        clinic_id: t.clinics.riverside,
        mrn: 'UNTREATED-1',
        given_name: 'Una',
        family_name: 'Treated',
        date_of_birth: '1980-01-01',
        sex: 'female',
        created_at: t.clock.now(),
        updated_at: t.clock.now(),
      })
      .execute()
    // A demographic correction to every patient (as an import or upgrade might) marks them all.
    await t.database.db
      .updateTable('patient')
      .set({ updated_at: t.clock.now() })
      .where('clinic_id', '=', t.clinics.riverside)
      .execute()
    const marked = await staleCount()
    expect(marked).toBe(251)
    expect(await refreshStaleOutcomes(t.ctx, { chunk: 100, chunksPerPass: 2 })).toBe(200)
    expect(await staleCount()).toBe(marked - 200)
    await refreshStaleOutcomes(t.ctx, { chunk: 100, chunksPerPass: 2 })
    await refreshStaleOutcomes(t.ctx, { chunk: 100, chunksPerPass: 2 })
    expect(await staleCount()).toBe(0)
  })

  it('brings a corrected score into the summary', async () => {
    const db = t.database.db
    const before = await db
      .selectFrom('outcome_summary')
      .select(['patient_id', 'baseline', 'first_dose'])
      .where('clinic_id', '=', t.clinics.riverside)
      .where('baseline', 'is not', null)
      .limit(1)
      .executeTakeFirstOrThrow()
    await db
      .updateTable('instrument_response')
      .set({ entered_in_error_at: t.clock.now(), error_reason: 'scored for the wrong visit' })
      .where('patient_id', '=', before.patient_id)
      .where('instrument_id', '=', 'phq9')
      .where('administered_at', '<=', before.first_dose!)
      .execute()
    expect(await refreshStaleOutcomes(t.ctx)).toBe(1)
    const after = await db
      .selectFrom('outcome_summary')
      .select('baseline')
      .where('patient_id', '=', before.patient_id)
      .executeTakeFirstOrThrow()
    expect(after.baseline).toBeNull()
  })
})
