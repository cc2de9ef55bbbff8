import { createHash } from 'node:crypto'
import { type Kysely, sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../../../test/support/test-app'
import { seedDemoClinicalData, seedDemoHistory } from './demo'
import { seedSyntheticPopulation } from './synthetic'

const uuids = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g
const hashes = /\b[0-9a-f]{64}\b/g

/**
 * Every row of every table as sorted canonical text: an id becomes its row's natural key where it
 * has one (a patient's MRN, a user's e-mail…) and `uuid` elsewhere, a SHA-256 becomes `sha256`.
 */
async function canonicalRows(db: Kysely<unknown>, masked: Record<string, string[]>) {
  const tables = (
    await sql<{ table_name: string }>`
    SELECT table_name FROM information_schema.tables
    WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name NOT LIKE 'kysely%'
    ORDER BY table_name`.execute(db)
  ).rows.map((r) => r.table_name)
  const rowsOf = async (table: string) =>
    (
      await sql<{ r: Record<string, unknown> }>`SELECT to_jsonb(x) AS r FROM ${sql.table(table)} x`.execute(
        db,
      )
    ).rows
  const labels = new Map<string, string>()
  const natural: Record<string, string> = {
    organization: 'name',
    clinic: 'name',
    app_user: 'email',
    patient: 'mrn',
    cs_lot: 'lot_number',
  }
  for (const [table, column] of Object.entries(natural))
    for (const { r } of await rowsOf(table)) labels.set(String(r.id), `${table}:${String(r[column])}`)
  const canonical = (value: unknown): unknown => {
    if (typeof value === 'string')
      return value.replace(uuids, (id) => labels.get(id) ?? 'uuid').replace(hashes, 'sha256')
    if (Array.isArray(value)) return value.map(canonical)
    if (value && typeof value === 'object')
      return Object.fromEntries(
        Object.entries(value)
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([k, v]) => [k, canonical(v)]),
      )
    return value
  }
  const result: Record<string, string[]> = {}
  for (const table of tables) {
    const drop = new Set(masked[table] ?? [])
    result[table] = (await rowsOf(table))
      .map(({ r }) =>
        JSON.stringify(canonical(Object.fromEntries(Object.entries(r).filter(([k]) => !drop.has(k))))),
      )
      .sort()
  }
  return result
}

/** Columns the database fills with its own clock (DEFAULT now()) or that hold a random secret. */
const unstable: Record<string, string[]> = {
  organization: ['created_at'],
  clinic: ['created_at'],
  app_user: ['created_at', 'password_hash'],
  membership: ['created_at'],
}

let t: TestApp
beforeAll(async () => {
  t = await startTestApp()
  await seedDemoClinicalData(t.ctx, t.demo)
  await seedDemoHistory(t.ctx, 60)
  await seedSyntheticPopulation(t.ctx, {
    clinicId: t.clinics.hillcrest,
    patients: 90,
    seed: 3,
    batchSize: 40,
  })
})
afterAll(() => t.close())

describe('demo and synthetic seed', () => {
  // On the test clock the seed writes the same data every time, but for random ids and what is
  // derived from them (hashes, keys). A change to the seed that is meant to keep the data (a
  // refactor) keeps this snapshot; one that changes the data updates it (vitest -u) on purpose.
  it('writes the same rows on the same clock (ids and hashes aside)', async () => {
    const rows = await canonicalRows(t.database.db as unknown as Kysely<unknown>, unstable)
    const digest = Object.fromEntries(
      Object.entries(rows).map(([table, lines]) => [
        table,
        `${lines.length} rows, ${createHash('sha256').update(lines.join('\n')).digest('hex').slice(0, 16)}`,
      ]),
    )
    expect(digest).toMatchSnapshot()
  })
})
