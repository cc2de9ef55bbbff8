import { mkdirSync } from 'node:fs'
import { PGlite } from '@electric-sql/pglite'
import { Kysely, PGliteDialect, PGliteDriver, PostgresDialect, sql } from 'kysely'
import { type Migration, type MigrationResultSet, Migrator } from 'kysely/migration'
import type { Client } from 'pg'
import { migrations } from './migrations'
import type { Database } from './schema'

export type DatabaseKind = 'pglite' | 'postgres'

export interface DatabaseHandle {
  db: Kysely<Database>
  kind: DatabaseKind
  close: () => Promise<void>
  /** Connections of this process, for /metrics. */
  poolStats: () => { total: number; idle: number; waiting: number }
  /** LISTENs on a PostgreSQL notification channel; resolves to a function that stops listening. */
  listen: (channel: string, handlers: ListenHandlers) => Promise<() => Promise<void>>
}

export interface ListenHandlers {
  onPayload: (payload: string) => void
  /** After a lost connection was re-established: notifications in between may have been missed. */
  onResync?: () => void
}

export interface DatabaseOptions {
  /** PostgreSQL server URL; when absent the embedded PGlite is used. */
  databaseUrl?: string | undefined
  /** PGlite data folder; `memory://` (or undefined) keeps it in memory. */
  dataDir?: string | undefined
  poolSize?: number
}

/**
 * Kysely's PGlite driver hands every caller the one connection, so two overlapping requests would
 * share a transaction. A queue makes each caller wait its turn, which is what a pool of size one
 * means on a server.
 */
class QueuedPGliteDriver extends PGliteDriver {
  #tail: Promise<void> = Promise.resolve()
  #release: (() => void) | undefined
  /** Callers holding or waiting for the connection, for /metrics. */
  readonly #usage: { inUse: number }

  constructor(pglite: PGlite, usage: { inUse: number }) {
    super({ pglite })
    this.#usage = usage
  }

  override async acquireConnection() {
    this.#usage.inUse++
    const previous = this.#tail
    let release!: () => void
    this.#tail = new Promise<void>((resolve) => {
      release = resolve
    })
    await previous
    this.#release = release
    return super.acquireConnection()
  }

  override async releaseConnection() {
    this.#usage.inUse--
    const release = this.#release
    this.#release = undefined
    release?.()
  }
}

class QueuedPGliteDialect extends PGliteDialect {
  readonly #pglite: PGlite
  readonly usage = { inUse: 0 }
  constructor(pglite: PGlite) {
    super({ pglite })
    this.#pglite = pglite
  }
  override createDriver() {
    return new QueuedPGliteDriver(this.#pglite, this.usage)
  }
}

// The two drivers must read values alike: numeric and int8 as strings (exactness first), `date`
// as its 'YYYY-MM-DD' text (a Date would shift with the server's time zone), timestamptz as Date.
const DATE_OID = 1082
const INT8_OID = 20
const pgliteParsers = { [DATE_OID]: (value: string) => value, [INT8_OID]: (value: string) => value }

/** The PostgreSQL client loads only with DATABASE_URL: the embedded database starts without it (issue 16). */
async function loadPg() {
  const { default: pg } = await import('pg')
  pg.types.setTypeParser(DATE_OID, (value: string) => value)
  return pg
}

export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  if (options.databaseUrl) {
    const pg = await loadPg()
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10 })
    // An idle connection the server closes (restart, failover, a dropped database) is already
    // removed from the pool; without a listener pg would throw it out of the process instead.
    pool.on('error', () => {})
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
    const connectionString = options.databaseUrl
    return {
      db,
      kind: 'postgres',
      close: () => db.destroy(),
      poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
      listen: (channel, handlers) => listenOnServer(connectionString, channel, handlers),
    }
  }
  const inMemory = !options.dataDir || options.dataDir.startsWith('memory://')
  if (!inMemory) mkdirSync(options.dataDir!, { recursive: true })
  const pglite = await PGlite.create(inMemory ? undefined : options.dataDir, { parsers: pgliteParsers })
  const dialect = new QueuedPGliteDialect(pglite)
  const db = new Kysely<Database>({ dialect })
  return {
    db,
    kind: 'pglite',
    close: () => db.destroy(),
    poolStats: () => {
      const inUse = dialect.usage.inUse
      return { total: 1, idle: inUse === 0 ? 1 : 0, waiting: Math.max(0, inUse - 1) }
    },
    // PGlite is one in-process connection that hears its own commits' notifications. LISTEN goes
    // through the queue so it never lands inside another caller's open transaction.
    listen: async (channel, handlers) => {
      const unlisten = await db.connection().execute(() => pglite.listen(channel, handlers.onPayload))
      return () => db.connection().execute(() => unlisten())
    },
  }
}

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`

/**
 * A dedicated connection outside the pool (a pooled one would be handed to requests). It is
 * re-opened with back-off when it drops (server restart, failover), and `onResync` tells the
 * listener that notifications may have been missed meanwhile.
 */
async function listenOnServer(connectionString: string, channel: string, handlers: ListenHandlers) {
  const pg = await loadPg()
  let client: Client | undefined
  let isStopped = false
  let retryMs = 500
  let retryTimer: NodeJS.Timeout | undefined
  const connect = async (isReconnect: boolean): Promise<void> => {
    const next = new pg.Client({ connectionString })
    next.on('notification', (message) => {
      if (message.channel === channel) handlers.onPayload(message.payload ?? '')
    })
    next.on('error', () => scheduleReconnect(next))
    next.on('end', () => scheduleReconnect(next))
    await next.connect()
    await next.query(`LISTEN ${quoteIdent(channel)}`)
    client = next
    retryMs = 500
    if (isReconnect) handlers.onResync?.()
  }
  const scheduleReconnect = (dropped: Client) => {
    if (isStopped || client !== dropped) return
    client = undefined
    dropped.end().catch(() => {})
    retryTimer = setTimeout(function retry() {
      connect(true).catch(() => {
        retryMs = Math.min(retryMs * 2, 30_000)
        if (!isStopped) retryTimer = setTimeout(retry, retryMs)
      })
    }, retryMs)
  }
  await connect(false)
  return async () => {
    isStopped = true
    clearTimeout(retryTimer)
    await client?.end().catch(() => {})
  }
}

function createMigrator(db: Kysely<Database>): Migrator {
  return new Migrator({
    db,
    provider: { getMigrations: async (): Promise<Record<string, Migration>> => migrations },
  })
}

/**
 * Runs pending migrations; returns Kysely's result set (it never throws). A database that already
 * has exactly the code's migrations is answered from one query, without the migrator's table
 * checks and lock (issue 16: most starts have nothing to migrate).
 */
export async function migrateToLatest(db: Kysely<Database>): Promise<MigrationResultSet> {
  const applied = await appliedMigrations(db).catch(() => undefined)
  if (applied?.size === migrationNames.length && migrationNames.every((name) => applied.has(name)))
    return { results: [] }
  return createMigrator(db).migrateToLatest()
}

/** Runs pending migrations up to and including `name` (a restore rebuilds the backup's schema). */
export function migrateTo(db: Kysely<Database>, name: string): Promise<MigrationResultSet> {
  return createMigrator(db).migrateTo(name)
}

/** PostgreSQL's SQLSTATE for a missing table. */
const undefinedTable = '42P01'

/** Every migration the code knows, in order. */
export const migrationNames: readonly string[] = Object.keys(migrations).sort()

/** Migrations recorded in Kysely's table; empty when the table is not there yet. */
async function appliedMigrations(db: Kysely<Database>): Promise<Set<string>> {
  try {
    const { rows } = await sql<{ name: string }>`SELECT name FROM kysely_migration`.execute(db)
    return new Set(rows.map((row) => row.name))
  } catch (error) {
    if ((error as { code?: unknown }).code === undefinedTable) return new Set()
    throw error
  }
}

/** Names of migrations not yet applied (empty when the schema is current). */
export async function pendingMigrations(db: Kysely<Database>): Promise<string[]> {
  const applied = await appliedMigrations(db)
  return migrationNames.filter((name) => !applied.has(name))
}
