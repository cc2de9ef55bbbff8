import { join } from 'node:path'
import { z } from 'zod'
import { parseSecretKey, type SecretKey } from './secrets/secret-box'

// Config is read once (design.md §3 rule 3): `readEnv` picks the raw values, `loadConfig` applies
// defaults and validates, and a bad value stops start-up with a message naming the variable.
// Nothing else in the code base reads process.env.

export interface Config {
  port: number
  host: string
  /** Embedded PGlite folder; ignored when databaseUrl is set. */
  dataDir: string
  databaseUrl: string | undefined
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent'
  /** Public origin used for cookie security decisions and links in e-mails. */
  publicUrl: string
  /** Secure cookies are required anywhere but plain-HTTP localhost. */
  secureCookies: boolean
  sessionIdleMin: number
  sessionAbsoluteHours: number
  /** A locked sign-in (lock screen) expires this many hours after it locked, whatever else. */
  sessionLockedMaxHours: number
  loginMaxFailures: number
  loginLockBaseMin: number
  loginRateLimitPerMin: number
  /** Self-check referrals accepted per client address per hour (public, no sign-in). */
  referralRatePerHour: number
  /** Seed a demo organization on first start of an empty database. */
  seedDemo: boolean
  /** Synthetic past patients the demo gives its first clinic, for the outcome dashboard. */
  demoHistoryPatients: number
  webDir: string | undefined
  /** Outgoing e-mail: unset keeps messages in the viewable outbox instead of sending them. */
  smtp: { url: string | undefined; from: string }
  /** How often each server's outbox worker looks for due messages; 0 turns the worker off. */
  outboxIntervalSec: number
  /** `/metrics` (Prometheus) is served only when enabled; with a token, only to its bearer. */
  metrics: { isEnabled: boolean; token: string | undefined }
  /**
   * Key that encrypts TOTP secrets at rest (KETACARE_SECRET_KEY). Unset on the embedded default:
   * start-up then reads or creates `<dataDir>/secret.key` (src/server/secrets/key-file.ts).
   */
  secretKey: SecretKey | undefined
  /** Bulk `$export` files: the folder (under the data folder) and how long they are kept. */
  fhirExport: { dir: string; ttlHours: number }
  /** Automatic backups of the embedded database: folder, how many to keep, hours apart (0 = off). */
  backup: { dir: string; keep: number; intervalHours: number }
}

/** Never echoed back in an error message. */
const secretVariables: ReadonlySet<string> = new Set([
  'KETACARE_SECRET_KEY',
  'KETACARE_METRICS_TOKEN',
  'DATABASE_URL',
  'SMTP_URL',
])

export class ConfigError extends Error {}

const intIn = (min: number, max: number) => z.coerce.number().int().min(min).max(max)
const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => ['true', '1', 'yes'].includes(v))

// Every variable KetaCare reads, its rule and its default: the one list (README.md documents them).
const schema = z.object({
  // HTTP port
  PORT: intIn(0, 65535).default(3000),
  // interface to listen on (0.0.0.0 to accept other machines)
  HOST: z.string().min(1).default('127.0.0.1'),
  // folder of the embedded PostgreSQL (PGlite) database
  KETACARE_DATA_DIR: z.string().min(1).default('./data'),
  // PostgreSQL server URL; when set, used instead of the embedded database
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  // the address users reach (default http://localhost:PORT); https:// turns on Secure cookies and HSTS
  KETACARE_PUBLIC_URL: z.url().optional(),
  // lock the screen and the sign-in after this many idle minutes (HIPAA automatic logoff)
  KETACARE_SESSION_IDLE_MIN: intIn(1, 24 * 60).default(15),
  // a sign-in lasts at most this many hours
  KETACARE_SESSION_ABSOLUTE_HOURS: intIn(1, 24 * 7).default(12),
  // a locked sign-in ends this many hours after it locked (sooner if the sign-in itself expires)
  KETACARE_SESSION_LOCKED_MAX_HOURS: intIn(1, 24 * 7).default(12),
  // failed sign-ins before an account is locked
  KETACARE_LOGIN_MAX_FAILURES: intIn(1, 100).default(5),
  // first lock length in minutes; doubles with each further lock
  KETACARE_LOGIN_LOCK_MIN: intIn(1, 24 * 60).default(1),
  // sign-in attempts allowed per client address per minute
  KETACARE_LOGIN_RATE_PER_MIN: intIn(1, 10_000).default(20),
  // self-check referrals accepted per client address per hour (stops a script filling the intake queue)
  KETACARE_REFERRAL_RATE_PER_HOUR: intIn(1, 10_000).default(10),
  // create the demo organization on first start of an empty database
  KETACARE_SEED_DEMO: bool.default(true),
  // synthetic past patients the demo adds to its first clinic so the outcome dashboard has a cohort; 0 for none
  KETACARE_DEMO_HISTORY_PATIENTS: intIn(0, 100_000).default(300),
  // built web app to serve at / (the CLI falls back to dist/web)
  KETACARE_WEB_DIR: z.string().min(1).optional(),
  // smtp://user:pass@host:port for outgoing e-mail; unset keeps messages in the outbox
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  // sender address of outgoing e-mail
  SMTP_FROM: z.string().min(3).default('KetaCare <no-reply@localhost>'),
  // how often the outbox worker sends due messages and queues reminders; 0 turns it off
  KETACARE_OUTBOX_INTERVAL_SEC: intIn(0, 3600).default(15),
  // serve /metrics in the Prometheus format (no patient data in it)
  KETACARE_METRICS: bool.default(false),
  // when set, /metrics answers only `Authorization: Bearer <token>`
  KETACARE_METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  // base64 or hex of 32 random bytes that encrypts TOTP secrets (unset: <data dir>/secret.key);
  // required with DATABASE_URL; keep it apart from backups
  KETACARE_SECRET_KEY: z
    .string()
    .transform((value, context) => {
      const key = parseSecretKey(value)
      if (!key)
        context.addIssue({
          code: 'custom',
          message: 'must be 32 bytes written as base64 (44 characters) or hex (64 digits)',
        })
      return key as SecretKey
    })
    .optional(),
  // hours a Bulk Data ($export) job's files are kept before they are removed
  KETACARE_FHIR_EXPORT_TTL_HOURS: intIn(1, 24 * 30).default(24),
  // folder of the automatic backups of the embedded database
  KETACARE_BACKUP_DIR: z.string().min(1).default('./backups'),
  // how many automatic backups to keep (the oldest are deleted)
  KETACARE_BACKUP_KEEP: intIn(1, 1000).default(7),
  // hours between automatic backups of the embedded database; 0 turns them off
  KETACARE_BACKUP_INTERVAL_HOURS: intIn(0, 24 * 31).default(24),
})

type RawEnv = Partial<Record<keyof typeof schema.shape, string>>

/** The variables KetaCare owns, set and not empty. */
function readEnv(env: Record<string, string | undefined>): RawEnv {
  const raw: RawEnv = {}
  for (const name of Object.keys(schema.shape) as (keyof RawEnv)[]) {
    const value = env[name]
    if (value !== undefined && value !== '') raw[name] = value
  }
  return raw
}

export function loadConfig(env: Record<string, string | undefined>): Config {
  const parsed = schema.safeParse(readEnv(env))
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => {
      const name = String(i.path[0])
      return `  ${i.path.join('.')}: ${i.message}${secretVariables.has(name) ? '' : ` (got "${env[name]}")`}`
    })
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`)
  }
  const v = parsed.data
  if (v.DATABASE_URL && !v.KETACARE_SECRET_KEY)
    throw new ConfigError(
      'Invalid configuration:\n  KETACARE_SECRET_KEY: required when DATABASE_URL is set (32 random bytes as base64, e.g. from `openssl rand -base64 32`); it encrypts TOTP secrets and is kept apart from the database and its backups',
    )
  const publicUrl = v.KETACARE_PUBLIC_URL ?? `http://localhost:${v.PORT}`
  return {
    port: v.PORT,
    host: v.HOST,
    dataDir: v.KETACARE_DATA_DIR,
    databaseUrl: v.DATABASE_URL,
    logLevel: v.LOG_LEVEL,
    publicUrl,
    secureCookies: publicUrl.startsWith('https://'),
    sessionIdleMin: v.KETACARE_SESSION_IDLE_MIN,
    sessionAbsoluteHours: v.KETACARE_SESSION_ABSOLUTE_HOURS,
    sessionLockedMaxHours: v.KETACARE_SESSION_LOCKED_MAX_HOURS,
    loginMaxFailures: v.KETACARE_LOGIN_MAX_FAILURES,
    loginLockBaseMin: v.KETACARE_LOGIN_LOCK_MIN,
    loginRateLimitPerMin: v.KETACARE_LOGIN_RATE_PER_MIN,
    referralRatePerHour: v.KETACARE_REFERRAL_RATE_PER_HOUR,
    seedDemo: v.KETACARE_SEED_DEMO,
    demoHistoryPatients: v.KETACARE_DEMO_HISTORY_PATIENTS,
    webDir: v.KETACARE_WEB_DIR,
    smtp: { url: v.SMTP_URL, from: v.SMTP_FROM },
    outboxIntervalSec: v.KETACARE_OUTBOX_INTERVAL_SEC,
    metrics: { isEnabled: v.KETACARE_METRICS, token: v.KETACARE_METRICS_TOKEN },
    secretKey: v.KETACARE_SECRET_KEY,
    fhirExport: { dir: join(v.KETACARE_DATA_DIR, 'fhir-export'), ttlHours: v.KETACARE_FHIR_EXPORT_TTL_HOURS },
    backup: {
      dir: v.KETACARE_BACKUP_DIR,
      keep: v.KETACARE_BACKUP_KEEP,
      intervalHours: v.KETACARE_BACKUP_INTERVAL_HOURS,
    },
  }
}
