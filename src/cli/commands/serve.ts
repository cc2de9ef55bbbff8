import { buildApp } from '../../server/app'
import { createTransport } from '../../server/jobs/transport'
import { startWorker } from '../../server/jobs/worker'
import {
  demoDataLine,
  formatSignIns,
  hasAnyOrganization,
  seedDemoClinicalData,
  seedDemoHistory,
  seedDemoOrganization,
} from '../../server/seed/demo'
import type { CliCommand } from '../command'
import { describeDatabase, openRuntime } from '../runtime'

export const serveCommand: CliCommand = {
  name: 'serve',
  summary: 'start the web server (migrates, and seeds demo data on an empty database)',
  help: `Usage: ketacare serve

Starts KetaCare on http://HOST:PORT (default http://127.0.0.1:3000). The database is the embedded
PostgreSQL in KETACARE_DATA_DIR (default ./data) unless DATABASE_URL names a PostgreSQL server.
Pending migrations run first. On an empty database the demo organization is created (unless
KETACARE_SEED_DEMO=false) and its sign-ins are printed once. Stop with Ctrl+C.`,
  run: async (_argv, io) => {
    const startedAt = performance.now()
    const runtime = await openRuntime(io)
    const { config, ctx } = runtime
    let demoText = ''
    if (config.seedDemo && !(await hasAnyOrganization(ctx))) {
      const signIns = await seedDemoOrganization(ctx)
      const patients = await seedDemoClinicalData(ctx, signIns)
      const history = await seedDemoHistory(ctx, config.demoHistoryPatients)
      demoText = `${formatSignIns(signIns, config.publicUrl)}${demoDataLine(patients, history)}`
    }
    const app = await buildApp(config, runtime.database, { logger: config.logLevel !== 'silent' })
    await app.listen({ port: config.port, host: config.host })
    const address = app.server.address()
    const port = typeof address === 'object' && address ? address.port : config.port
    io.out(
      `KetaCare is running at http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}  (${describeDatabase(runtime)}; ready in ${Math.round(performance.now() - startedAt)} ms)\n`,
    )
    io.out(`API docs: http://${config.host}:${port}/docs\n`)
    if (demoText) io.out(`\n${demoText}`)
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
    const stop = async () => {
      worker.stop()
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
