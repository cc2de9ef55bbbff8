import { migrateToLatest } from '../../db'
import { prepareSecrets } from '../../server/secrets/prepare'
import type { CliCommand } from '../command'
import { describeDatabase, openRuntime } from '../runtime'

export const migrateCommand: CliCommand = {
  name: 'migrate',
  summary: 'apply pending database migrations',
  help: `Usage: ketacare migrate

Applies every pending migration to the configured database (KETACARE_DATA_DIR or DATABASE_URL)
and lists what ran. Exits 1 if a migration fails; nothing of a failed migration is kept.
Then encrypts any TOTP secret still stored in clear under the secret key (KETACARE_SECRET_KEY, or
<data dir>/secret.key on the embedded database, created on first use): a migration cannot, since
the key is never in the database.`,
  run: async (_argv, io) => {
    const runtime = await openRuntime(io, { migrate: false })
    try {
      const result = await migrateToLatest(runtime.database.db)
      for (const r of result.results ?? [])
        io.out(`${r.status === 'Success' ? 'applied' : r.status.toLowerCase()}: ${r.migrationName}\n`)
      if (result.error) {
        io.err(`migration failed: ${(result.error as Error).message ?? String(result.error)}\n`)
        return 1
      }
      const secrets = await prepareSecrets(runtime.database.db, runtime.config)
      for (const line of secrets.notices) io.err(`${line}\n`)
      if ((result.results ?? []).length === 0)
        io.out(`Database is up to date (${describeDatabase(runtime)}).\n`)
      return 0
    } finally {
      await runtime.close()
    }
  },
}
