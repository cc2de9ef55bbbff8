import { existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { type DatabaseHandle, migrateToLatest, openDatabase } from '../db'
import { type Config, ConfigError, loadConfig } from '../server/config'
import type { AppContext } from '../server/context'
import { prepareSecrets } from '../server/secrets/prepare'
import { SecretBox } from '../server/secrets/secret-box'
import type { CliIo } from './command'
import { UsageError } from './command'

/** Config, database and the service context for one CLI command; migrations applied. */
export interface Runtime {
  config: Config
  database: DatabaseHandle
  ctx: AppContext
  close: () => Promise<void>
}

export async function openRuntime(io: CliIo, options: { migrate?: boolean } = {}): Promise<Runtime> {
  let config = readConfig(io)
  config = { ...config, webDir: resolveWebDir(config.webDir) }
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: resolve(config.dataDir) })
  if (options.migrate !== false) {
    const result = await migrateToLatest(database.db)
    if (result.error) {
      await database.close()
      const failed = result.results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown'
      throw new Error(
        `Migration ${failed} failed: ${(result.error as Error).message ?? String(result.error)}`,
      )
    }
  }
  let secrets = new SecretBox(config.secretKey)
  if (options.migrate !== false) {
    try {
      const prepared = await prepareSecrets(database.db, config)
      for (const line of prepared.notices) io.err(`${line}\n`)
      secrets = prepared.box
      config = { ...config, secretKey: prepared.box.key }
    } catch (error) {
      await database.close()
      throw error
    }
  }
  const ctx: AppContext = { config, db: database.db, dbKind: database.kind, now: () => new Date(), secrets }
  return { config, database, ctx, close: () => database.close() }
}

/** The configuration, a bad value reported as a usage error naming the variable. */
export function readConfig(io: CliIo): Config {
  try {
    return loadConfig(io.env)
  } catch (error) {
    if (error instanceof ConfigError) throw new UsageError(error.message)
    throw error
  }
}

/** The built web app: the configured folder, else `web/` beside the bundled CLI, else ./dist/web. */
function resolveWebDir(configured: string | undefined): string | undefined {
  const here = dirname(fileURLToPath(import.meta.url))
  const candidates = configured ? [resolve(configured)] : [join(here, 'web'), resolve('dist/web')]
  return candidates.find((dir) => existsSync(join(dir, 'index.html'))) ?? candidates[0]
}

export function describeDatabase(runtime: Runtime): string {
  return runtime.database.kind === 'postgres'
    ? 'PostgreSQL server (DATABASE_URL)'
    : `embedded PostgreSQL in ${resolve(runtime.config.dataDir)}`
}
