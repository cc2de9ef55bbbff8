import { resolve } from 'node:path'
import { buildApp } from '../../server/app'
import { startAuditSealer } from '../../server/audit/seal-audit'
import { startBackupSchedule } from '../../server/backup/schedule'
import { findRunningServer, newBackupToken, writeServerFile } from '../../server/backup/server-file'
import { createTransport } from '../../server/jobs/transport'
import { startWorker } from '../../server/jobs/worker'
import { hasAnyOrganization, seedFullDemo } from '../../server/seed/demo'
import { type CliCommand, UsageError } from '../command'
import { describeDatabase, openRuntime, readConfig } from '../runtime'

export const serveCommand: CliCommand = {
  name: 'serve',
  summary: 'start the web server (migrates, and seeds demo data on an empty database)',
  help: `Usage: ketacare serve

Starts KetaCare on http://HOST:PORT (default http://127.0.0.1:3000). The database is the embedded
PostgreSQL in KETACARE_DATA_DIR (default ./data) unless DATABASE_URL names a PostgreSQL server.
Pending migrations run first. On an empty database the demo organization is created (unless
KETACARE_SEED_DEMO=false) and its sign-ins are printed once. Stop with Ctrl+C.

On the embedded database the server backs it up automatically into KETACARE_BACKUP_DIR (default
./backups) every KETACARE_BACKUP_INTERVAL_HOURS (24), keeping KETACARE_BACKUP_KEEP (7), and answers
\`ketacare backup\` while it runs. A second server on the same data folder is refused.`,
  run: async (_argv, io) => {
    const startedAt = performance.now()
    const settings = readConfig(io)
    const holder = settings.databaseUrl ? undefined : findRunningServer(settings.dataDir)
    if (holder)
      throw new UsageError(
        `another KetaCare server (process ${holder.pid}, port ${holder.port}) already has the data folder ${resolve(settings.dataDir)} open; stop it first`,
      )
    const runtime = await openRuntime(io)
    const { config, ctx } = runtime
    let demoText = ''
    if (config.seedDemo && !(await hasAnyOrganization(ctx))) demoText = await seedFullDemo(ctx)
    const backupToken = runtime.database.kind === 'pglite' ? newBackupToken() : undefined
    const app = await buildApp(config, runtime.database, {
      logger: config.logLevel !== 'silent',
      ...(backupToken ? { backupToken } : {}),
    })
    await app.listen({ port: config.port, host: config.host })
    const address = app.server.address()
    const port = typeof address === 'object' && address ? address.port : config.port
    const removeServerFile = backupToken
      ? writeServerFile(config.dataDir, {
          pid: process.pid,
          host: ['0.0.0.0', '::'].includes(config.host) ? '127.0.0.1' : config.host,
          port,
          token: backupToken,
        })
      : () => {}
    io.out(
      `KetaCare is running at http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}  (${describeDatabase(runtime)}; ready in ${Math.round(performance.now() - startedAt)} ms)\n`,
    )
    io.out(`API docs: http://${config.host}:${port}/docs\n`)
    if (demoText) io.out(`\n${demoText}`)
    // Request transactions append audit events unsealed; this links them into their chains.
    const stopSealer = startAuditSealer(ctx, (error) => app.log.error({ err: error }, 'audit sealing failed'))
    const transport = createTransport(config.smtp)
    const worker = startWorker(ctx, transport, {
      intervalMs: config.outboxIntervalSec * 1000,
      onError: (error) => app.log.error({ err: error }, 'outbox worker pass failed'),
    })
    io.out(
      config.outboxIntervalSec === 0
        ? 'Outbox worker: off (KETACARE_OUTBOX_INTERVAL_SEC=0).\n'
        : `Outbox worker: every ${config.outboxIntervalSec} s; ${transport.kind === 'smtp' ? 'sending e-mail over SMTP' : 'no SMTP_URL, so messages are held in the outbox'}.\n`,
    )
    const backups =
      runtime.database.kind === 'pglite'
        ? startBackupSchedule(ctx, config.backup, {
            done: (path) => app.log.info({ path }, 'automatic backup written'),
            failed: (error) => app.log.error({ err: error }, 'automatic backup failed'),
          })
        : undefined
    io.out(
      backups
        ? `Automatic backups: every ${config.backup.intervalHours} h into ${resolve(config.backup.dir)}, keeping ${config.backup.keep}; next at ${backups.nextAt.toISOString()}.\n`
        : runtime.database.kind === 'pglite'
          ? 'Automatic backups: off (KETACARE_BACKUP_INTERVAL_HOURS=0).\n'
          : 'Automatic backups: not made by the server on PostgreSQL; schedule `ketacare backup --out FILE` (or pg_dump).\n',
    )
    const stop = async () => {
      backups?.stop()
      removeServerFile()
      worker.stop()
      await stopSealer()
      await app.close()
      await runtime.close()
      process.exit(0)
    }
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
    // Keep running: the listening server holds the process open.
    return -1
  },
}
