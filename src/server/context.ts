import type { Kysely } from 'kysely'
import type { Database, DatabaseKind } from '../db'
import type { Config } from './config'
import type { LiveHub } from './live/live-hub'
import type { SecretBox } from './secrets/secret-box'
import type { SignInCache } from './sign-in-cache'

/** Everything a service needs, wired once (style.md: one AppContext built from config). */
export interface AppContext {
  config: Config
  db: Kysely<Database>
  dbKind: DatabaseKind
  /** The clock is a parameter so tests can move time (idle timeout, lockouts, TOTP). */
  now: () => Date
  /** Resolved sign-ins reused for a few seconds (see sign-in-cache.ts). */
  signInCache?: SignInCache
  /** Database notifications fanned out to open screens (server-sent events); absent in CLI work. */
  live?: LiveHub
  /** Seals and opens TOTP secrets under the installation key (src/server/secrets). */
  secrets: SecretBox
}

export type Tx = Kysely<Database>
