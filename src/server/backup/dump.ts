import { once } from 'node:events'
import { createWriteStream, renameSync, rmSync } from 'node:fs'
import type { Writable } from 'node:stream'
import { finished } from 'node:stream/promises'
import { createGzip } from 'node:zlib'
import { type Kysely, sql } from 'kysely'
import type { Database, DatabaseKind } from '../../db'
import { listTables, quoteIdent } from './catalog'

// A logical backup (issue 13, "Backups that restore"): every table read in ONE repeatable-read,
// read-only transaction, so the file is one consistent snapshot even while nurses chart (on
// PostgreSQL the snapshot does not block writers; on the embedded database the single connection
// is held, so requests wait for the few seconds it takes). It works the same on PGlite and
// PostgreSQL and needs no pg_dump. Rows are PostgreSQL's own `row_to_json` text, written and read
// back verbatim (never parsed in JavaScript), so numeric, timestamptz and bytea values keep every
// digit. Format, one line each, gzip-compressed:
//   H <header json>                 format, version, migrations, secret key id, tables
//   T <{"table","columns"}>         then R <row json> per row, then E <{"table","rows"}>
//   Z <{"tables","rows"}>           the last line: a file without it was cut short

export const backupFormat = 'ketacare-backup'
export const backupVersion = 1
const batchSize = 2000

export interface BackupHeader {
  format: typeof backupFormat
  version: number
  createdAt: string
  database: DatabaseKind
  migrations: string[]
  /** Id of the key the TOTP secrets are sealed under; the key itself is never in a backup. */
  secretKeyId: string | null
  tables: string[]
}

export interface BackupSummary {
  header: BackupHeader
  rowsByTable: Record<string, number>
  rows: number
}

export type Progress = (line: string) => void

async function write(out: Writable, text: string): Promise<void> {
  if (!out.write(text)) await once(out, 'drain')
}

/** Writes a backup to `out` (uncompressed lines); the caller compresses and ends the stream. */
export async function writeBackup(
  db: Kysely<Database>,
  kind: DatabaseKind,
  out: Writable,
  progress: Progress = () => {},
  now: Date = new Date(),
): Promise<BackupSummary> {
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .setAccessMode('read only')
    .execute(async (tx) => {
      const tables = await listTables(tx)
      const migrations = await sql<{ name: string }>`SELECT name FROM kysely_migration ORDER BY name`.execute(
        tx,
      )
      const keyring = await tx.selectFrom('secret_keyring').select('key_id').executeTakeFirst()
      const header: BackupHeader = {
        format: backupFormat,
        version: backupVersion,
        createdAt: now.toISOString(),
        database: kind,
        migrations: migrations.rows.map((r) => r.name),
        secretKeyId: keyring?.key_id ?? null,
        tables: tables.map((t) => t.name),
      }
      await write(out, `H ${JSON.stringify(header)}\n`)
      const rowsByTable: Record<string, number> = {}
      let total = 0
      for (const table of tables) {
        await write(out, `T ${JSON.stringify({ table: table.name, columns: table.columns })}\n`)
        let count = 0
        let after = '(0,0)'
        for (;;) {
          // Keyset paging on the physical row id: stable inside the snapshot, no OFFSET rescans.
          const batch = await sql<{ c: string; r: string }>`
            SELECT t.ctid::text AS c, row_to_json(t)::text AS r
              FROM ${sql.raw(quoteIdent(table.name))} t
             WHERE t.ctid > ${after}::tid
             ORDER BY t.ctid LIMIT ${batchSize}`.execute(tx)
          for (const row of batch.rows) await write(out, `R ${row.r}\n`)
          count += batch.rows.length
          if (batch.rows.length < batchSize) break
          after = batch.rows[batch.rows.length - 1]!.c
          progress(`  ${table.name}: ${count} rows so far`)
        }
        await write(out, `E ${JSON.stringify({ table: table.name, rows: count })}\n`)
        rowsByTable[table.name] = count
        total += count
        if (count > 0) progress(`${table.name}: ${count} rows`)
      }
      await write(out, `Z ${JSON.stringify({ tables: tables.length, rows: total })}\n`)
      return { header, rowsByTable, rows: total }
    })
}

/** Writes a gzip backup file; it appears under its name only when complete (a `.partial` before). */
export async function writeBackupFile(
  db: Kysely<Database>,
  kind: DatabaseKind,
  path: string,
  progress: Progress = () => {},
  now: Date = new Date(),
): Promise<BackupSummary> {
  const partial = `${path}.partial`
  const gzip = createGzip()
  const file = createWriteStream(partial, { flags: 'wx', mode: 0o600 })
  gzip.pipe(file)
  try {
    const summary = await writeBackup(db, kind, gzip, progress, now)
    gzip.end()
    await finished(file)
    renameSync(partial, path)
    return summary
  } catch (error) {
    gzip.destroy()
    file.destroy()
    rmSync(partial, { force: true })
    throw error
  }
}
