import { sql } from 'kysely'
import { afterEach, describe, expect, it } from 'vitest'
import { type DatabaseHandle, migrateTo, migrateToLatest, migrationNames } from '../../src/db'
import { chainHash, GENESIS_HASH } from '../../src/domain/ledger/hash-chain'
import { appendAudit, auditContent } from '../../src/server/audit/append-audit'
import { sealAuditChains } from '../../src/server/audit/seal-audit'
import { verifyAuditChains } from '../../src/server/audit/verify-audit'
import { loadConfig } from '../../src/server/config'
import type { AppContext } from '../../src/server/context'
import { uuidv7 } from '../../src/server/ids'
import { SecretBox } from '../../src/server/secrets/secret-box'
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
async function _correctableCounts(database: DatabaseHandle): Promise<Record<string, [number, number]>> {
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
async function _insertVitalWithoutMarking(database: DatabaseHandle): Promise<string> {
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

/** Appends events as the code before 024 did: the chain's head read and each event sealed on insert. */
async function appendSealedTheOldWay(database: DatabaseHandle, count: number): Promise<string> {
  let prevHash = GENESIS_HASH
  for (let i = 0; i < count; i++) {
    const at = new Date(Date.UTC(2026, 10, 27, 9, i))
    const row = {
      id: uuidv7(at.getTime()),
      at,
      clinic_id: null,
      actor_user_id: null,
      actor_email: 'before 024',
      action: `before.${i}`,
      entity: 'test',
      entity_id: null,
      outcome: 'success' as const,
      ip: null,
      detail: { step: i },
    }
    const hash = chainHash(prevHash, auditContent(row))
    await database.db
      .insertInto('audit_event')
      .values({ ...row, prev_hash: prevHash, hash } as never)
      .execute()
    prevHash = hash
  }
  return prevHash
}

describe('migrations', () => {
  it('bring a fresh database through every migration', async () => {
    const created = await createTestDatabase({ empty: true })
    handle = created.handle
    const result = await migrateToLatest(handle.db)
    expect(result.error).toBeUndefined()
    expect(await appliedMigrations(handle)).toEqual([...migrationNames])
    expect(await appliedMigrations(handle)).toContain('024-audit-sealing')
  })

  it('upgrade a database at 023 holding a sealed audit chain to 024: the chain verifies, new events are sealed after it', async () => {
    const created = await createTestDatabase({ empty: true })
    handle = created.handle
    expect((await migrateTo(handle.db, '023-entered-in-error-defaults')).error).toBeUndefined()
    const before = await appendSealedTheOldWay(handle, 5)

    const result = await migrateTo(handle.db, '024-audit-sealing')
    expect(result.error).toBeUndefined()
    expect(await verifyAuditChains(handle.db)).toEqual([
      { chain: 'installation', verdict: { ok: true, checked: 5, lastHash: before }, pending: 0 },
    ])

    const ctx = contextOf(handle)
    await handle.db.transaction().execute((tx) =>
      appendAudit(
        tx,
        {
          clinicId: null,
          actorUserId: null,
          actorEmail: 'upgrade test',
          action: 'after.024',
          entity: 'test',
          outcome: 'success',
        },
        ctx.now(),
      ),
    )
    expect(await sealAuditChains(handle.db)).toBe(1)
    const [report] = await verifyAuditChains(handle.db)
    expect(report?.verdict).toMatchObject({ ok: true, checked: 6 })
    const sealed = await handle.db
      .selectFrom('audit_event')
      .select(['action', 'chain_seq', 'prev_hash'])
      .orderBy('chain_seq')
      .execute()
    expect(sealed.at(-1)).toMatchObject({ action: 'after.024', prev_hash: before })
  })
})
