import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gunzipSync, gzipSync } from 'node:zlib'
import { type Kysely, sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Client, demoEmails, startTestApp, type TestApp } from '../../../test/support/test-app'
import { createTestDatabase } from '../../../test/support/test-database'
import type { Database, DatabaseHandle } from '../../db'
import { buildApp } from '../app'
import { sealAuditChains } from '../audit/seal-audit'
import { verifyAuditChains } from '../audit/verify-audit'
import { verifyLedgerChains } from '../features/ledger/verify-chains'
import { seedDemoClinicalData } from '../seed/demo'
import { listTables } from './catalog'
import { writeBackupFile } from './dump'
import { inspectBackupFile, RestoreError, restoreBackup } from './restore'

// Issue 13 "Backups that restore": a backup taken while nurses chart is one consistent snapshot,
// restores into an empty database with the same rows, verifiable chains and a usable clinic.

let t: TestApp
let nurse: Client
let sessionUrl: string
let prescriberSecret: string
const folder = mkdtempSync(join(tmpdir(), 'ketacare-backup-'))
const restored: DatabaseHandle[] = []

beforeAll(async () => {
  t = await startTestApp()
  await seedDemoClinicalData(t.ctx, t.demo)
  nurse = new Client(t)
  await nurse.signIn(demoEmails.nurse)
  prescriberSecret = (await new Client(t).signIn(demoEmails.prescriber))!
  const board = (await nurse.get(`/api/v1/clinics/${t.clinics.riverside}/board`)).json()
  const dosing = board.sessions.find((s: { state: string }) => s.state === 'dosing')
  sessionUrl = `/api/v1/clinics/${t.clinics.riverside}/sessions/${dosing.id}`
}, 120_000)
afterAll(async () => {
  for (const handle of restored) await handle.close()
  await t?.close()
})

async function rowCounts(db: Kysely<Database>): Promise<Record<string, number>> {
  const counts: Record<string, number> = {}
  for (const table of await listTables(db)) {
    const result = await sql<{
      n: number
    }>`SELECT count(*)::int AS n FROM ${sql.raw(`"${table.name}"`)}`.execute(db)
    counts[table.name] = result.rows[0]!.n
  }
  return counts
}

async function vitalAudits(db: Kysely<Database>): Promise<number> {
  const result = await db
    .selectFrom('audit_event')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('action', '=', 'sessions.vitals')
    .where('outcome', '=', 'success')
    .executeTakeFirstOrThrow()
  return Number(result.n)
}

let writes = 0
async function chartVitals(count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    const res = await nurse.post(`${sessionUrl}/vitals`, {
      measuredAt: t.clock.now().toISOString(),
      systolicMmHg: 120 + (i % 20),
      diastolicMmHg: 80,
      heartRateBpm: 72,
      spo2Percent: 98,
    })
    expect(res.statusCode).toBe(200)
    writes++
  }
}

async function emptyDatabase(): Promise<DatabaseHandle> {
  const { handle } = await createTestDatabase({ empty: true })
  restored.push(handle)
  return handle
}

describe('ketacare backup and restore', () => {
  const path = join(folder, 'under-load.backup.gz')
  let before: Record<string, number>
  let vitalsBefore: number
  let vitalAuditsBefore: number

  it('takes one consistent snapshot while vitals are charted from three tablets', async () => {
    before = await rowCounts(t.database.db)
    vitalsBefore = before.vital_sign!
    vitalAuditsBefore = await vitalAudits(t.database.db)
    await chartVitals(3)
    // Three writers keep charting while the backup runs; on PostgreSQL they interleave with it.
    const load = Promise.all([chartVitals(15), chartVitals(15), chartVitals(15)])
    const backup = writeBackupFile(t.database.db, t.database.kind, path)
    const [summary] = await Promise.all([backup, load])
    const after = await rowCounts(t.database.db)
    expect(after.vital_sign).toBe(vitalsBefore + writes)
    const inBackup = summary.rowsByTable.vital_sign!
    expect(inBackup).toBeGreaterThanOrEqual(vitalsBefore + 3)
    expect(inBackup).toBeLessThanOrEqual(after.vital_sign!)
    expect(await inspectBackupFile(path)).toMatchObject({
      rows: summary.rows,
      rowsByTable: summary.rowsByTable,
    })
    expect(summary.header.secretKeyId).toBeNull() // the key was never installed by prepareSecrets here
    expect(summary.header.tables).toContain('audit_event')
  }, 120_000)

  it('restores into an empty database with the same rows per table, and the chains verify', async () => {
    const target = await emptyDatabase()
    const backup = await inspectBackupFile(path)
    const summary = await restoreBackup(target.db, path)
    expect(summary.rowsByTable).toEqual(backup.rowsByTable)
    const counts = await rowCounts(target.db)
    for (const [table, rows] of Object.entries(backup.rowsByTable))
      expect([table, counts[table]]).toEqual([table, rows])
    // Consistency: every vital sign in the snapshot has its audit event and no audit event lacks its vital.
    const vitalsRestored = counts.vital_sign! - vitalsBefore
    expect(vitalsRestored).toBeGreaterThan(0)
    expect((await vitalAudits(target.db)) - vitalAuditsBefore).toBe(vitalsRestored)
    await sealAuditChains(target.db)
    expect((await verifyAuditChains(target.db)).every((r) => r.verdict.ok)).toBe(true)
    const ledger = await verifyLedgerChains(target.db)
    expect(ledger.length).toBe(2)
    expect(ledger.every((r) => r.verdict.ok)).toBe(true)

    // The restored clinic is usable: the app starts, a nurse signs in with her password, a
    // prescriber with the authenticator set up before the backup, and charting continues.
    const app = await buildApp(t.ctx.config, target, { now: t.clock.now })
    try {
      const there = { ...t, app, database: target }
      t.clock.advanceMinutes(1)
      const restoredNurse = new Client(there)
      await restoredNurse.signIn(demoEmails.nurse)
      const prescriber = new Client(there)
      expect(await prescriber.signIn(demoEmails.prescriber, prescriberSecret)).toBe(prescriberSecret)
      const more = await restoredNurse.post(`${sessionUrl}/vitals`, {
        measuredAt: t.clock.now().toISOString(),
        systolicMmHg: 118,
        diastolicMmHg: 76,
        heartRateBpm: 70,
        spo2Percent: 99,
      })
      expect(more.statusCode).toBe(200)
      await sealAuditChains(target.db)
      expect((await verifyAuditChains(target.db)).every((r) => r.verdict.ok)).toBe(true)
    } finally {
      await app.close()
    }
  }, 120_000)

  it('refuses a database that is not empty, and changes nothing in it', async () => {
    const countsBefore = await rowCounts(t.database.db)
    await expect(restoreBackup(t.database.db, path)).rejects.toThrow(/not empty/)
    expect(await rowCounts(t.database.db)).toEqual(countsBefore)
  })

  it('refuses a file cut short before touching the empty database', async () => {
    const lines = gunzipSync(readFileSync(path)).toString('utf8').trimEnd().split('\n')
    const cut = join(folder, 'cut.backup.gz')
    writeFileSync(cut, gzipSync(`${lines.slice(0, -40).join('\n')}\n`))
    const target = await emptyDatabase()
    await expect(restoreBackup(target.db, cut)).rejects.toThrow(RestoreError)
    const tables = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'`.execute(target.db)
    expect(tables.rows[0]!.n).toBe(0)
  })
})
