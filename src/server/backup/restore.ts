import { createReadStream } from 'node:fs'
import { createInterface } from 'node:readline'
import { createGunzip } from 'node:zlib'
import { type Kysely, sql } from 'kysely'
import { type Database, migrateTo, migrateToLatest, migrationNames } from '../../db'
import { listTables, quoteIdent, type TableInfo } from './catalog'
import { type BackupHeader, backupFormat, backupVersion, type Progress } from './dump'

// `ketacare restore FILE` into an EMPTY database: the backup's migrations are run first (so the
// schema, row-level-security policies and grants are this code's own), then every table's rows are
// inserted in one transaction with triggers off (the append-only and outcome triggers must not
// re-fire on restored history), identity sequences are moved past the restored values, and the
// newer migrations of this code run last. A file cut short, or a table whose row count does not
// match what the backup recorded, rolls the whole restore back.

export class RestoreError extends Error {}

const batchRows = 500
const batchChars = 4_000_000

export async function countTables(db: Kysely<Database>): Promise<number> {
  const result = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm')`.execute(db)
  return result.rows[0]?.n ?? 0
}

function openLines(path: string) {
  const stream = createReadStream(path).pipe(createGunzip())
  return createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY })
}

export async function readBackupHeader(path: string): Promise<BackupHeader> {
  const lines = openLines(path)
  try {
    for await (const line of lines) return parseHeader(line)
  } catch (error) {
    throw new RestoreError(`${path} is not a KetaCare backup (${(error as Error).message}).`)
  } finally {
    lines.close()
  }
  throw new RestoreError(`${path} is empty.`)
}

function parseHeader(line: string): BackupHeader {
  if (!line.startsWith('H ')) throw new RestoreError('the file does not start with a KetaCare backup header')
  const header = JSON.parse(line.slice(2)) as BackupHeader
  if (header.format !== backupFormat) throw new RestoreError('the file is not a KetaCare backup')
  if (header.version !== backupVersion)
    throw new RestoreError(`backup format version ${header.version} is not one this KetaCare reads`)
  const unknown = header.migrations.filter((m) => !migrationNames.includes(m))
  if (unknown.length > 0)
    throw new RestoreError(
      `the backup was made by a newer KetaCare (migrations ${unknown.join(', ')}); restore it with that version`,
    )
  return header
}

export interface RestoreSummary {
  header: BackupHeader
  rowsByTable: Record<string, number>
  rows: number
}

export async function restoreBackup(
  db: Kysely<Database>,
  path: string,
  progress: Progress = () => {},
): Promise<RestoreSummary> {
  const tableCount = await countTables(db)
  if (tableCount > 0)
    throw new RestoreError(
      `The target database is not empty (${tableCount} tables). Restore only into an empty data folder or a new, empty database; nothing was changed.`,
    )
  // Read it through first: a file cut short or damaged is refused before the schema is touched.
  const { header } = await inspectBackupFile(path)
  const last = header.migrations.at(-1)
  if (last) {
    const migrated = await migrateTo(db, last)
    if (migrated.error) throw migrated.error
  }
  progress(`schema rebuilt to migration ${last ?? '(none)'}`)
  const tables = new Map((await listTables(db)).map((t) => [t.name, t]))
  const summary = await db.transaction().execute(async (tx) => {
    const superuser = await sql<{ on: boolean }>`SELECT current_setting('is_superuser') = 'on' AS on`.execute(
      tx,
    )
    // Foreign keys are satisfied by the backup's table order; a superuser also skips their checks.
    if (superuser.rows[0]?.on) await sql`SET LOCAL session_replication_role = replica`.execute(tx)
    else
      for (const name of tables.keys())
        await sql`ALTER TABLE ${sql.raw(quoteIdent(name))} DISABLE TRIGGER USER`.execute(tx)
    const rowsByTable: Record<string, number> = {}
    let total = 0
    let current: { table: TableInfo; columns: string[]; count: number } | undefined
    let batch: string[] = []
    let batchSize = 0
    let sawEnd = false
    const flush = async () => {
      if (!current || batch.length === 0) return
      const cols = current.columns.map(quoteIdent).join(', ')
      const name = quoteIdent(current.table.name)
      await sql`INSERT INTO ${sql.raw(name)} (${sql.raw(cols)}) OVERRIDING SYSTEM VALUE
                SELECT ${sql.raw(cols)} FROM json_populate_recordset(NULL::${sql.raw(name)}, ${`[${batch.join(',')}]`}::json)`.execute(
        tx,
      )
      current.count += batch.length
      batch = []
      batchSize = 0
    }
    const lines = openLines(path)
    let lineNo = 0
    for await (const line of lines) {
      lineNo++
      const kind = line.slice(0, 2)
      const body = line.slice(2)
      if (lineNo === 1) continue // the header, read above
      if (kind === 'R ') {
        if (!current) throw new RestoreError(`line ${lineNo}: a row outside a table`)
        batch.push(body)
        batchSize += body.length
        if (batch.length >= batchRows || batchSize >= batchChars) await flush()
      } else if (kind === 'T ') {
        const { table, columns } = JSON.parse(body) as { table: string; columns: string[] }
        const info = tables.get(table)
        if (!info) throw new RestoreError(`the backup has a table "${table}" this schema does not`)
        await sql`DELETE FROM ${sql.raw(quoteIdent(table))}`.execute(tx)
        current = { table: info, columns: columns.filter((c) => info.columns.includes(c)), count: 0 }
      } else if (kind === 'E ') {
        await flush()
        const { table, rows } = JSON.parse(body) as { table: string; rows: number }
        if (!current || current.table.name !== table || current.count !== rows)
          throw new RestoreError(
            `table ${table}: the backup recorded ${rows} rows but ${current?.count ?? 0} were read`,
          )
        rowsByTable[table] = rows
        total += rows
        if (rows > 0) progress(`${table}: ${rows} rows`)
        current = undefined
      } else if (kind === 'Z ') {
        const { rows } = JSON.parse(body) as { rows: number }
        if (rows !== total)
          throw new RestoreError(`the backup recorded ${rows} rows in all but ${total} were read`)
        sawEnd = true
      } else throw new RestoreError(`line ${lineNo} is not part of a KetaCare backup`)
    }
    if (!sawEnd)
      throw new RestoreError('The backup file is cut short (its last line is missing); nothing was restored.')
    for (const table of tables.values())
      for (const column of table.identityColumns) {
        const t = quoteIdent(table.name)
        const c = quoteIdent(column)
        await sql`SELECT setval(pg_get_serial_sequence(${t}, ${column}), COALESCE((SELECT max(${sql.raw(c)}) FROM ${sql.raw(t)}), 0) + 1, false)`.execute(
          tx,
        )
      }
    if (!superuser.rows[0]?.on)
      for (const name of tables.keys())
        await sql`ALTER TABLE ${sql.raw(quoteIdent(name))} ENABLE TRIGGER USER`.execute(tx)
    return { header, rowsByTable, rows: total }
  })
  const upgraded = await migrateToLatest(db)
  if (upgraded.error) throw upgraded.error
  for (const r of upgraded.results ?? []) progress(`applied newer migration ${r.migrationName}`)
  return summary
}

/** Reads a backup through to its last line, counting rows per table (for `backup` to check its file). */
export async function inspectBackupFile(path: string): Promise<RestoreSummary> {
  const lines = openLines(path)
  let header: BackupHeader | undefined
  const rowsByTable: Record<string, number> = {}
  let table = ''
  let count = 0
  let total = 0
  let complete = false
  for await (const line of lines) {
    const kind = line.slice(0, 2)
    if (!header) header = parseHeader(line)
    else if (kind === 'R ') count++
    else if (kind === 'T ') {
      table = (JSON.parse(line.slice(2)) as { table: string }).table
      count = 0
    } else if (kind === 'E ') {
      const recorded = (JSON.parse(line.slice(2)) as { rows: number }).rows
      if (recorded !== count)
        throw new RestoreError(`table ${table}: ${recorded} rows recorded, ${count} present`)
      rowsByTable[table] = count
      total += count
    } else if (kind === 'Z ') complete = true
  }
  if (!header) throw new RestoreError(`${path} is empty.`)
  if (!complete) throw new RestoreError(`${path} is cut short (its last line is missing).`)
  return { header, rowsByTable, rows: total }
}
