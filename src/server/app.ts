import cookie from '@fastify/cookie'
import helmet from '@fastify/helmet'
import rateLimit from '@fastify/rate-limit'
import Fastify, { type FastifyInstance } from 'fastify'
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod'
import { sql } from 'kysely'
import { type DatabaseHandle, pendingMigrations } from '../db'
import { registerBackupRoute } from './backup/routes'
import type { Config } from './config'
import type { AppContext } from './context'
import { AppError } from './errors'
import { assessmentRoutes } from './features/assessments/routes'
import { auditLogRoutes } from './features/audit-log/routes'
import { resolveSignIn } from './features/auth/resolve-sign-in'
import { authRoutes } from './features/auth/routes'
import { boardDisplayRoutes } from './features/board-display/routes'
import { chartRoutes } from './features/chart/routes'
import { clinicRoutes } from './features/clinics/routes'
import { consentRoutes } from './features/consent/routes'
import { eligibilityRoutes } from './features/eligibility/routes'
import { resolveBearer } from './features/fhir-clients/resolve-bearer'
import { fhirClientRoutes, fhirTokenRoute } from './features/fhir-clients/routes'
import { historyRoutes } from './features/history/routes'
import { ledgerRoutes } from './features/ledger/routes'
import { outboxRoutes } from './features/outbox/routes'
import { outcomeRoutes } from './features/outcomes/routes'
import { patientRoutes } from './features/patients/routes'
import { planRoutes } from './features/plans/routes'
import { portalRoutes } from './features/portal/routes'
import { referralRoutes } from './features/referrals/routes'
import { remsRoutes } from './features/rems/routes'
import { sessionDocumentRoutes } from './features/sessions/document-routes'
import { sessionLiveRoutes } from './features/sessions/live-routes'
import { sessionRoutes } from './features/sessions/routes'
import { sessionScheduleRoutes } from './features/sessions/schedule-routes'
import { settingsRoutes } from './features/settings/routes'
import { userRoutes } from './features/users/routes'
import { worklistRoutes } from './features/worklist/routes'
import { baseUrlOf, fhirBasePath } from './fhir/caller'
import { fhirRoutes } from './fhir/routes'
import { smartConfiguration } from './fhir/smart-configuration'
import { LiveHub } from './live/live-hub'
import { serializeRequest } from './log-redaction'
import { registerAuth } from './plugins/auth'
import { registerCompression } from './plugins/compression'
import { registerErrorHandling } from './plugins/errors'
import { registerInputGuard } from './plugins/input-guard'
import { registerMetrics } from './plugins/metrics'
import { registerOpenApi } from './plugins/openapi'
import { registerPages, registerStaticFiles } from './plugins/web'
import { SecretBox } from './secrets/secret-box'
import { SignInCache } from './sign-in-cache'
import { installValidationMessages } from './validation-messages'

export interface BuildOptions {
  /** Clock override for tests (idle timeouts, lockouts, TOTP). */
  now?: () => Date
  /** Logger on/off; the CLI turns it on with the configured level. */
  logger?: boolean
  /** Serves `GET /internal/backup` to the CLI holding this token (embedded database; see backup/routes.ts). */
  backupToken?: string
  /** Where log lines go instead of stdout (tests read them). */
  logStream?: { write: (line: string) => void }
}

/** Builds the HTTP app without listening, so tests can `inject` requests (design.md §3). */
export async function buildApp(
  config: Config,
  database: DatabaseHandle,
  options: BuildOptions = {},
): Promise<FastifyInstance> {
  const ctx: AppContext = {
    config,
    db: database.db,
    dbKind: database.kind,
    now: options.now ?? (() => new Date()),
    signInCache: new SignInCache(),
    live: await LiveHub.start(database),
    secrets: new SecretBox(config.secretKey),
  }
  installValidationMessages()
  const app = Fastify({
    logger: options.logger
      ? {
          level: config.logLevel,
          // Request URLs lose their portal tokens before they reach the log (issue 13).
          serializers: { req: serializeRequest },
          ...(options.logStream ? { stream: options.logStream } : {}),
        }
      : false,
    bodyLimit: 1024 * 1024,
    trustProxy: false,
  })
  // preClose: open event streams would otherwise keep the server from closing.
  app.addHook('preClose', async () => {
    await ctx.live?.stop()
  })
  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(serializerCompiler)
  registerErrorHandling(app)
  registerInputGuard(app)

  await app.register(helmet, {
    hsts: config.secureCookies ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    // A fresh nonce per response is added to script-src and style-src; the web app's page carries
    // it to Mantine's <style> tags (plugins/web.ts), so styles need no 'unsafe-inline'.
    enableCSPNonces: true,
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        styleSrc: ["'self'"],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        upgradeInsecureRequests: config.secureCookies ? [] : null,
      },
    },
  })
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) => {
      const retryAfterSec = Math.ceil(context.ttl / 1000)
      return new AppError(
        'too-many-requests',
        `Too many attempts from this address. Wait ${retryAfterSec} seconds.`,
        { extra: { retryAfterSec } },
      )
    },
  })
  await app.register(cookie)
  // The order matters: the web app's files are routes before compression is (they are sent as the
  // copies compressed at build time), every other route after it.
  await registerStaticFiles(app, config.webDir)
  await registerCompression(app)
  registerAuth(
    app,
    (token, ip, options) => resolveSignIn(ctx, token, ip, options),
    (token, ip) => resolveBearer(ctx, token, ip),
  )
  await registerMetrics(app, ctx, database)
  await registerOpenApi(app)

  app.get('/healthz', { config: { auth: 'public' }, schema: { hide: true } }, async () => ({ status: 'ok' }))
  // Once this process has seen every migration of its code applied, that stays true (migrations
  // only go forward), so later probes only check the database answers.
  let isSchemaCurrent = false
  app.get('/readyz', { config: { auth: 'public' }, schema: { hide: true } }, async (_request, reply) => {
    try {
      await sql`SELECT 1`.execute(ctx.db)
      const pending = isSchemaCurrent ? [] : await pendingMigrations(ctx.db)
      if (pending.length > 0) return reply.status(503).send({ status: 'migrations-pending', pending })
      isSchemaCurrent = true
      return { status: 'ready', database: ctx.dbKind }
    } catch {
      return reply.status(503).send({ status: 'database-unreachable' })
    }
  })

  await app.register(authRoutes(ctx))
  await app.register(clinicRoutes(ctx))
  await app.register(worklistRoutes(ctx))
  await app.register(userRoutes(ctx))
  await app.register(auditLogRoutes(ctx))
  await app.register(patientRoutes(ctx))
  await app.register(historyRoutes(ctx))
  await app.register(assessmentRoutes(ctx))
  await app.register(eligibilityRoutes(ctx))
  await app.register(consentRoutes(ctx))
  await app.register(planRoutes(ctx))
  await app.register(chartRoutes(ctx))
  await app.register(ledgerRoutes(ctx))
  await app.register(sessionScheduleRoutes(ctx))
  await app.register(sessionRoutes(ctx))
  await app.register(sessionDocumentRoutes(ctx))
  await app.register(sessionLiveRoutes(ctx))
  await app.register(boardDisplayRoutes(ctx))
  await app.register(outboxRoutes(ctx))
  await app.register(outcomeRoutes(ctx))
  await app.register(portalRoutes(ctx))
  await app.register(referralRoutes(ctx))
  await app.register(settingsRoutes(ctx))
  await app.register(remsRoutes(ctx))
  await app.register(fhirClientRoutes(ctx))
  await app.register(fhirTokenRoute(ctx))
  await app.register(fhirRoutes(ctx), { prefix: fhirBasePath })
  // SMART discovery at the server's root too, for clients that look there (the FHIR base has it).
  app.get(
    '/.well-known/smart-configuration',
    { config: { auth: 'public' }, schema: { hide: true } },
    async (request) => smartConfiguration(baseUrlOf(request)),
  )
  if (options.backupToken) registerBackupRoute(app, ctx, options.backupToken)
  registerPages(app, config.webDir, config.publicUrl)
  return app
}
