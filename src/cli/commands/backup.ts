import { createWriteStream, existsSync, readdirSync, renameSync, rmSync } from 'node:fs'
import { resolve } from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { openDatabase } from '../../db'
import { verifyAuditChains } from '../../server/audit/verify-audit'
import { writeBackupFile } from '../../server/backup/dump'
import { inspectBackupFile, RestoreError, readBackupHeader, restoreBackup } from '../../server/backup/restore'
import { findRunningServer, type RunningServer } from '../../server/backup/server-file'
import { verifyLedgerChains } from '../../server/features/ledger/verify-chains'
import { keyFileExists, keyFileName, keyFilePath, readKeyFile } from '../../server/secrets/key-file'
import { prepareSecrets } from '../../server/secrets/prepare'
import type { CliCommand, CliIo } from '../command'
import { parseOptions, UsageError } from '../command'
import { describeDatabase, openRuntime, readConfig } from '../runtime'

const keyNote = (where: string) =>
  `The secret key that opens the TOTP secrets is NOT in the backup: keep ${where} separately (the key file, or a password manager).\n`

export const backupCommand: CliCommand = {
  name: 'backup',
  summary: 'write a consistent backup of the database to a file, also while the server runs',
  help: `Usage: ketacare backup --out FILE

Writes a consistent backup of the whole database (every clinic, the audit trail, the
controlled-substance ledger, users and their encrypted TOTP secrets) to FILE, a gzip file of one
snapshot: all tables are read in one repeatable-read transaction, so it is safe while people chart.
Works on the embedded database (KETACARE_DATA_DIR; if a server is running on the folder the backup
is taken by that server, since only one process may open it) and on PostgreSQL (DATABASE_URL).
Progress goes to stderr; FILE appears only when complete, and is read back to check it.

Not in the backup: the secret key (KETACARE_SECRET_KEY or <data dir>/secret.key). Keep it apart;
without it a restored clinic's authenticators must be set up again. Restore with \`ketacare restore\`.`,
  run: async (argv, io) => {
    const { values } = parseOptions(argv, { out: { type: 'string' } })
    if (!values.out) throw new UsageError('--out FILE is required')
    const out = resolve(values.out)
    if (existsSync(out)) throw new UsageError(`${out} already exists; choose a new file name`)
    const config = readConfig(io)
    const started = performance.now()
    const server = config.databaseUrl ? undefined : findRunningServer(config.dataDir)
    if (server) {
      io.err(`A server (process ${server.pid}) has the data folder open; asking it for the backup.\n`)
      await downloadFromServer(server, out, io)
    } else {
      const runtime = await openRuntime(io)
      try {
        io.err(`Backing up the ${describeDatabase(runtime)}.\n`)
        await writeBackupFile(runtime.database.db, runtime.database.kind, out, (line) => io.err(`${line}\n`))
      } finally {
        await runtime.close()
      }
    }
    const summary = await inspectBackupFile(out)
    io.out(
      `Backup written to ${out}: ${summary.rows} rows in ${summary.header.tables.length} tables, checked (${Math.round(performance.now() - started)} ms).\n`,
    )
    io.out(keyNote(config.secretKey ? 'KETACARE_SECRET_KEY' : keyFilePath(config.dataDir)))
    return 0
  },
}

async function downloadFromServer(server: RunningServer, out: string, io: CliIo): Promise<void> {
  const response = await fetch(`http://${server.host}:${server.port}/internal/backup`, {
    headers: { authorization: `Bearer ${server.token}` },
  })
  if (!response.ok || !response.body)
    throw new Error(
      `the running server refused the backup (HTTP ${response.status}); is it this data folder's?`,
    )
  const partial = `${out}.partial`
  let bytes = 0
  let reported = 0
  const body = Readable.fromWeb(response.body as never)
  body.on('data', (chunk: Buffer) => {
    bytes += chunk.length
    if (bytes - reported >= 5_000_000) {
      reported = bytes
      io.err(`  ${Math.round(bytes / 1_000_000)} MB received\n`)
    }
  })
  try {
    await pipeline(body, createWriteStream(partial, { flags: 'wx', mode: 0o600 }))
    renameSync(partial, out)
  } catch (error) {
    rmSync(partial, { force: true })
    throw error
  }
}

export const restoreCommand: CliCommand = {
  name: 'restore',
  summary: 'restore a backup into an empty data folder or an empty PostgreSQL database',
  help: `Usage: ketacare restore FILE [--without-totp-secrets]

Restores a backup made by \`ketacare backup\` (or an automatic one) into an EMPTY database: the
embedded data folder KETACARE_DATA_DIR (it may hold only the secret key file) or the database
named by DATABASE_URL. A folder or database that already holds anything is refused, untouched.
The schema is rebuilt by the backup's own migrations, the rows are loaded in one transaction (a
file cut short restores nothing), newer migrations run, and then the audit trail and the
controlled-substance ledger are verified; it exits 1 if either fails.

The backup's TOTP secrets need the secret key they were encrypted with: put the key file at
<data dir>/secret.key or set KETACARE_SECRET_KEY first. If the key is lost, --without-totp-secrets
restores everything else and turns every authenticator off (staff and patients set one up again).
Restoring into PostgreSQL is best done as a superuser (triggers and foreign keys are then not
re-checked on restored rows).`,
  run: async (argv, io) => {
    const { values, positionals } = parseOptions(argv, {
      'without-totp-secrets': { type: 'boolean', default: false },
    })
    const file = positionals[0]
    if (!file || positionals.length > 1) throw new UsageError('give one backup FILE')
    const path = resolve(file)
    if (!existsSync(path)) throw new UsageError(`${path} does not exist`)
    const config = readConfig(io)
    const header = await readBackupHeader(path).catch((error) => {
      throw error instanceof RestoreError ? new UsageError(error.message) : error
    })
    if (!config.databaseUrl) {
      const dir = resolve(config.dataDir)
      if (findRunningServer(dir))
        throw new UsageError(`a server is running on ${dir}; stop it, and restore into an empty folder`)
      const present = existsSync(dir) ? readdirSync(dir).filter((n) => !n.startsWith(keyFileName)) : []
      if (present.length > 0)
        throw new UsageError(
          `the data folder ${dir} is not empty (${present.slice(0, 3).join(', ')}${present.length > 3 ? ', …' : ''}); restore only into an empty folder (set KETACARE_DATA_DIR to a new one)`,
        )
    }
    const dropSecrets = values['without-totp-secrets']
    if (header.secretKeyId && !dropSecrets) {
      const key =
        config.secretKey ??
        (config.databaseUrl || !keyFileExists(keyFilePath(config.dataDir))
          ? undefined
          : readKeyFile(keyFilePath(config.dataDir)))
      if (key?.id !== header.secretKeyId)
        throw new UsageError(
          `the backup's TOTP secrets are encrypted under key ${header.secretKeyId}, and ${key ? `the configured key is ${key.id}` : 'no key is configured'}. Put that key at ${config.databaseUrl ? 'KETACARE_SECRET_KEY' : keyFilePath(config.dataDir)} first, or use --without-totp-secrets. Nothing was changed.`,
        )
    }
    const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: resolve(config.dataDir) })
    try {
      io.err(
        `Restoring ${path} (made ${header.createdAt}) into the ${config.databaseUrl ? 'PostgreSQL database (DATABASE_URL)' : `embedded database in ${resolve(config.dataDir)}`}.\n`,
      )
      const summary = await restoreBackup(database.db, path, (line) => io.err(`${line}\n`)).catch((error) => {
        throw error instanceof RestoreError ? new UsageError(error.message) : error
      })
      if (dropSecrets) await dropTotpSecrets(database.db)
      const secrets = await prepareSecrets(database.db, config)
      for (const line of secrets.notices) io.err(`${line}\n`)
      io.out(`Restored ${summary.rows} rows in ${Object.keys(summary.rowsByTable).length} tables.\n`)
      if (dropSecrets)
        io.out('Every authenticator was turned off: staff and patients set one up again at sign-in.\n')
      const audit = await verifyAuditChains(database.db)
      const ledger = await verifyLedgerChains(database.db)
      const brokenAudit = audit.find((r) => !r.verdict.ok)
      const brokenLedger = ledger.find((r) => !r.verdict.ok)
      io.out(
        brokenAudit
          ? `Audit trail FAILED verification: ${brokenAudit.chain}.\n`
          : `Audit trail intact (${audit.length} chains).\n`,
      )
      io.out(
        brokenLedger
          ? `Ledger FAILED verification: ${brokenLedger.clinicName}.\n`
          : `Ledger intact (${ledger.length} clinics).\n`,
      )
      return brokenAudit || brokenLedger ? 1 : 0
    } finally {
      await database.close()
    }
  },
}

async function dropTotpSecrets(db: Awaited<ReturnType<typeof openDatabase>>['db']): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await tx.deleteFrom('mfa_secret').execute()
    await tx
      .updateTable('patient_account')
      .set({
        mfa_secret_base32: null,
        mfa_enabled_at: null,
        mfa_pending_secret_base32: null,
        mfa_last_used_step: null,
      })
      .execute()
    await tx.deleteFrom('secret_keyring').execute()
  })
}
