import { randomBytes } from 'node:crypto'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { type DatabaseHandle, migrateToLatest, openDatabase } from '../../src/db'

/** The key tests encrypt TOTP secrets under (hex of 32 bytes); PostgreSQL requires one. */
export const testSecretKey = '00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff'

/**
 * A migrated, empty database for one test file: an in-memory PGlite by default, or — when
 * KETACARE_TEST_DB=postgres — a throw-away database on the server named by TEST_DATABASE_URL
 * (default the local server), dropped again on close.
 */
export async function openTestDatabase(): Promise<DatabaseHandle> {
  return (await createTestDatabase()).handle
}

/**
 * Like openTestDatabase (or, with `empty`, not even migrated: a restore target), plus the
 * environment that points the CLI at the same database
 * (a PGlite folder on disk, or the throw-away PostgreSQL database's URL).
 */
export async function createTestDatabase(
  options: { onDisk?: boolean; empty?: boolean } = {},
): Promise<{ handle: DatabaseHandle; env: Record<string, string> }> {
  if (process.env.KETACARE_TEST_DB !== 'postgres') {
    const dataDir = options.onDisk ? mkdtempSync(join(tmpdir(), 'ketacare-db-')) : undefined
    const handle = await openDatabase({ dataDir })
    if (!options.empty) await mustMigrate(handle)
    return { handle, env: dataDir ? { KETACARE_DATA_DIR: dataDir } : {} }
  }
  const adminUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
  const name = `ketacare_test_${randomBytes(6).toString('hex')}`
  const admin = new pg.Client({ connectionString: adminUrl })
  await admin.connect()
  await admin.query(`CREATE DATABASE ${name}`)
  await admin.end()
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  const handle = await openDatabase({ databaseUrl: url.toString(), poolSize: 20 })
  if (!options.empty) await mustMigrate(handle)
  const dropped = {
    ...handle,
    close: async () => {
      await handle.close()
      const dropper = new pg.Client({ connectionString: adminUrl })
      await dropper.connect()
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await dropper.end()
    },
  }
  return { handle: dropped, env: { DATABASE_URL: url.toString(), KETACARE_SECRET_KEY: testSecretKey } }
}

async function mustMigrate(handle: DatabaseHandle): Promise<void> {
  const result = await migrateToLatest(handle.db)
  if (result.error) throw result.error
}
