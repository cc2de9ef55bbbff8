import { sql } from 'kysely'
import { afterEach, describe, expect, it } from 'vitest'
import { type DatabaseHandle, migrateTo, migrateToLatest, migrationNames } from '../../src/db'
import { loadConfig } from '../../src/server/config'
import type { AppContext } from '../../src/server/context'
import { SecretBox } from '../../src/server/secrets/secret-box'
import { seedDemoClinicalData, seedDemoOrganization } from '../../src/server/seed/demo'
import { createTestDatabase, testSecretKey } from '../support/test-database'

// Migrations run on a fresh database and on one that already holds data at the previous step.

const correctable = [
  'body_measurement',
  'antidepressant_trial',
  'instrument_response',
  'vital_sign',
  'session_event',
  'side_effect',
] as const

let handle: DatabaseHandle | undefined
afterEach(async () => {
  await handle?.close()
  handle = undefined
})

function contextOf(database: DatabaseHandle): AppContext {
  const config = loadConfig({
    KETACARE_SEED_DEMO: 'false',
    LOG_LEVEL: 'silent',
    KETACARE_SECRET_KEY: testSecretKey,
  })
  const now = () => new Date('2026-11-27T09:00:00Z')
  return { config, db: database.db, dbKind: database.kind, now, secrets: new SecretBox(config.secretKey) }
}

async function appliedMigrations(database: DatabaseHandle): Promise<string[]> {
  const rows = await sql<{ name: string }>`SELECT name FROM kysely_migration ORDER BY name`.execute(
    database.db,
  )
  return rows.rows.map((r) => r.name)
}

/** Rows and live (not entered-in-error) rows of every correctable table. */
async function correctableCounts(database: DatabaseHandle): Promise<Record<string, [number, number]>> {
  const counts: Record<string, [number, number]> = {}
  for (const table of correctable) {
    const { rows } = await sql<{ total: string; live: string }>`
      SELECT count(*) AS total, count(*) FILTER (WHERE entered_in_error_at IS NULL) AS live
      FROM ${sql.table(table)}`.execute(database.db)
    counts[table] = [Number(rows[0]!.total), Number(rows[0]!.live)]
  }
  return counts
}

/** Records a vital sign naming none of the entered-in-error columns, as the services now do. */
async function insertVitalWithoutMarking(database: DatabaseHandle): Promise<string> {
  const patient = await database.db
    .selectFrom('patient')
    .select(['id', 'clinic_id'])
    .executeTakeFirstOrThrow()
  const id = '01900000-0000-7000-8000-000000000023'
  await database.db
    .insertInto('vital_sign')
    .values({
      id,
      clinic_id: patient.clinic_id,
      patient_id: patient.id,
      session_id: null,
      context: 'intake',
      measured_at: new Date('2026-11-27T09:00:00Z'),
      systolic_mmhg: 120,
      diastolic_mmhg: 80,
      heart_rate_bpm: 70,
      spo2_percent: 98,
      respiratory_rate: null,
      moaas: null,
      recorded_by: null,
      created_at: new Date('2026-11-27T09:00:00Z'),
    })
    .execute()
  return id
}

describe('migrations', () => {
  it('bring a fresh database through every migration (023 included)', async () => {
    const created = await createTestDatabase({ empty: true })
    handle = created.handle
    const result = await migrateToLatest(handle.db)
    expect(result.error).toBeUndefined()
    expect(await appliedMigrations(handle)).toEqual([...migrationNames])
    expect(await appliedMigrations(handle)).toContain('023-entered-in-error-defaults')
  })

  it('upgrade a database at 022 holding clinical data to 023, keeping every row', async () => {
    const created = await createTestDatabase({ empty: true })
    handle = created.handle
    expect((await migrateTo(handle.db, '022-clinic-phone')).error).toBeUndefined()
    const ctx = contextOf(handle)
    await seedDemoClinicalData(ctx, await seedDemoOrganization(ctx), { withSessions: true })
    const before = await correctableCounts(handle)
    expect(before.vital_sign![0]).toBeGreaterThan(0)
    expect(before.session_event![0]).toBeGreaterThan(0)

    const result = await migrateTo(handle.db, '023-entered-in-error-defaults')
    expect(result.error).toBeUndefined()
    expect(result.results?.map((r) => [r.migrationName, r.status])).toEqual([
      ['023-entered-in-error-defaults', 'Success'],
    ])
    expect(await correctableCounts(handle)).toEqual(before)

    const id = await insertVitalWithoutMarking(handle)
    const row = await handle.db
      .selectFrom('vital_sign')
      .select(['entered_in_error_at', 'entered_in_error_by', 'error_reason'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
    expect(row).toEqual({ entered_in_error_at: null, entered_in_error_by: null, error_reason: null })
  })
})
