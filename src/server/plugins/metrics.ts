import { timingSafeEqual } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import { sql } from 'kysely'
import type { DatabaseHandle } from '../../db'
import { appendAudit } from '../audit/append-audit'
import type { AppContext } from '../context'
import { AppError } from '../errors'
import { inOwnerTransaction } from '../tenancy'

/**
 * `/metrics` in the Prometheus text format (issue 13), registered only when KETACARE_METRICS is
 * on. What it holds is operational and never patient data: routes are their templates
 * (`/api/v1/clinics/:clinicId/...`, never an id), and the outbox and worker figures are counts
 * and ages. prom-client writes the format; a registry per app keeps two apps in one process
 * (tests) apart.
 */
export async function registerMetrics(
  app: FastifyInstance,
  ctx: AppContext,
  database: DatabaseHandle,
): Promise<void> {
  const { metrics } = ctx.config
  if (!metrics.isEnabled) {
    // Answer plainly rather than let the web app's fallback serve its page at /metrics.
    app.get('/metrics', { config: { auth: 'public' }, schema: { hide: true } }, async () => {
      throw new AppError('not-found', 'Metrics are off; set KETACARE_METRICS=true to serve them.')
    })
    return
  }
  // Loaded only when metrics are on (issue 16: start-up under 1.5 s).
  const { collectDefaultMetrics, Gauge, Histogram, Registry } = await import('prom-client')
  const registry = new Registry()
  collectDefaultMetrics({ register: registry, prefix: 'ketacare_' })

  const requestSeconds = new Histogram({
    name: 'ketacare_http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by route template, method and status',
    labelNames: ['route', 'method', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  })
  app.addHook('onResponse', async (request, reply) => {
    // Unmatched URLs (scanners, typos) share one label instead of minting one per path.
    const route = request.routeOptions.url ?? 'unmatched'
    requestSeconds.observe(
      { route, method: request.method, status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    )
  })

  new Gauge({
    name: 'ketacare_db_pool_connections',
    help: 'Database connections of this process by state (the embedded database has one, queued)',
    labelNames: ['state'] as const,
    registers: [registry],
    collect() {
      const stats = database.poolStats()
      this.set({ state: 'total' }, stats.total)
      this.set({ state: 'idle' }, stats.idle)
      this.set({ state: 'waiting' }, stats.waiting)
    },
  })
  new Gauge({
    name: 'ketacare_outbox_messages',
    help: 'Outbox messages by status, every clinic',
    labelNames: ['status'] as const,
    registers: [registry],
    async collect() {
      const rows = await inOwnerTransaction(ctx, (tx) =>
        tx
          .selectFrom('outbox_message')
          .select(['status', (eb) => eb.fn.countAll<string>().as('n')])
          .groupBy('status')
          .execute(),
      )
      this.reset()
      for (const status of ['queued', 'sending', 'sent', 'held', 'failed']) this.set({ status }, 0)
      for (const row of rows) this.set({ status: row.status }, Number(row.n))
    },
  })
  new Gauge({
    name: 'ketacare_outbox_worker_lag_seconds',
    help: 'How long the oldest due outbox message has waited for a worker (0 when none is due)',
    registers: [registry],
    async collect() {
      const now = ctx.now()
      const row = await inOwnerTransaction(ctx, (tx) =>
        tx
          .selectFrom('outbox_message')
          .select(sql<Date | null>`min(next_attempt_at)`.as('oldest'))
          .where('status', '=', 'queued')
          .where('next_attempt_at', '<=', now)
          .executeTakeFirst(),
      )
      const oldest = row?.oldest ? new Date(row.oldest).getTime() : now.getTime()
      this.set(Math.max(0, (now.getTime() - oldest) / 1000))
    },
  })
  new Gauge({
    name: 'ketacare_live_streams',
    help: 'Open live-update streams (boards and chair-side views) on this process',
    registers: [registry],
    collect() {
      this.set(ctx.live?.subscriberCount ?? 0)
    },
  })

  app.get(
    '/metrics',
    {
      config: {
        auth: 'public',
        rateLimit: { max: 120, timeWindow: '1 minute' },
      },
      schema: { hide: true },
    },
    async (request, reply) => {
      if (metrics.token && !isBearer(request.headers.authorization, metrics.token)) {
        const now = ctx.now()
        await inOwnerTransaction(ctx, (tx) =>
          appendAudit(
            tx,
            {
              clinicId: null,
              actorUserId: null,
              actorEmail: 'metrics scraper',
              action: 'metrics.read',
              entity: 'metrics',
              entityId: null,
              outcome: 'denied',
              ip: request.ip,
              detail: { reason: 'missing or wrong bearer token' },
            },
            now,
          ),
        )
        throw new AppError('not-signed-in', 'Send the metrics token as "Authorization: Bearer <token>".')
      }
      reply.header('content-type', registry.contentType)
      return registry.metrics()
    },
  )
}

function isBearer(header: string | undefined, token: string): boolean {
  const given = Buffer.from(header?.startsWith('Bearer ') ? header.slice(7) : '')
  const expected = Buffer.from(token)
  return given.length === expected.length && timingSafeEqual(given, expected)
}
