import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { testAppForFile } from '../../../test/support/test-app'
import { loadUtilisation } from '../features/outcomes/queries'
import { seedSyntheticPopulation } from './synthetic'

const t = testAppForFile()

describe('synthetic population', () => {
  it('writes patients with plans, sessions, vitals, scores and consents, nothing after its horizon', async () => {
    const progress: number[] = []
    const until = new Date(t.clock.now().getTime() - 86_400_000)
    const result = await seedSyntheticPopulation(t.ctx, {
      clinicId: t.clinics.riverside,
      patients: 300,
      seed: 11,
      batchSize: 250,
      until,
      onProgress: (done) => progress.push(done),
    })
    expect(progress).toEqual([250, 300])
    const db = t.database.db
    const count = async (table: 'patient' | 'treatment_session' | 'vital_sign' | 'instrument_response') =>
      Number(
        (
          await db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .where('clinic_id', '=', t.clinics.riverside)
            .executeTakeFirstOrThrow()
        ).n,
      )
    expect(await count('patient')).toBe(300)
    const sessions = await count('treatment_session')
    expect(sessions).toBeGreaterThan(300 * 4)
    expect(await count('vital_sign')).toBe(sessions * 3)
    expect(await count('instrument_response')).toBeGreaterThan(300 * 3)
    expect(result.rows).toBeGreaterThan(300 * 20)
    const afterHorizon = [
      ['treatment_session', 'discharged_at'],
      ['instrument_response', 'administered_at'],
    ] as const
    for (const [table, column] of afterHorizon) {
      const late = await db
        .selectFrom(table)
        .select('id')
        .where('clinic_id', '=', t.clinics.riverside)
        .where(sql.ref(column), '>', until)
        .execute()
      expect(late, table).toHaveLength(0)
    }
    // The outcome summary is built with the load: one row per patient with a discharged session.
    const treated = await db
      .selectFrom('treatment_session')
      .select((eb) => eb.fn.count<string>('patient_id').distinct().as('n'))
      .where('clinic_id', '=', t.clinics.riverside)
      .where('state', '=', 'discharged')
      .executeTakeFirstOrThrow()
    const summarised = await db
      .selectFrom('outcome_summary')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('clinic_id', '=', t.clinics.riverside)
      .executeTakeFirstOrThrow()
    expect(Number(summarised.n)).toBe(Number(treated.n))
    expect(Number(treated.n)).toBeGreaterThan(250)
    const research = await db
      .selectFrom('consent')
      .select('id')
      .where('research_use', '=', true)
      .where('clinic_id', '=', t.clinics.riverside)
      .execute()
    expect(research.length / 300).toBeGreaterThan(0.55)
    expect(research.length / 300).toBeLessThan(0.85)
  })

  it('gives a clinic with no working chairs enough synthetic chairs that chair use stays believable', async () => {
    const db = t.database.db
    const clinicId = t.clinics.hillcrest
    await db.updateTable('chair').set({ is_active: false }).where('clinic_id', '=', clinicId).execute()
    await seedSyntheticPopulation(t.ctx, { clinicId, patients: 400, seed: 5 })
    const now = t.clock.now()
    const use = await loadUtilisation(db, clinicId, new Date(now.getTime() - 30 * 86_400_000), now)
    const chairs = Number(use.chairs)
    expect(chairs).toBeGreaterThan(0)
    const rate = Number(use.booked_hours) / (chairs * 8 * Math.round(30 * (5 / 7)))
    expect(rate).toBeLessThanOrEqual(0.8)
    expect(rate).toBeGreaterThan(0.3)
    const names = await db
      .selectFrom('chair')
      .select('name')
      .where('clinic_id', '=', clinicId)
      .where('is_active', '=', true)
      .execute()
    expect(names.every((c) => c.name.startsWith('Synthetic chair '))).toBe(true)
  })
})
