import type { ResolvedSignIn } from './service'

/**
 * Every request resolves its cookie; charting tablets send many a minute. Reusing a resolved
 * sign-in for a few seconds halves the database work of a request. The cost is bounded: a
 * deactivation or role change made on another server process takes effect within `ttlMs`; this
 * process forgets a session at once when it signs out or rotates.
 */
export class SessionCache {
  readonly #entries = new Map<string, { session: ResolvedSignIn; atMs: number }>()

  constructor(
    readonly ttlMs = 5_000,
    readonly maxEntries = 10_000,
  ) {}

  get(tokenHash: string, nowMs: number): ResolvedSignIn | undefined {
    const entry = this.#entries.get(tokenHash)
    if (!entry) return undefined
    if (nowMs < entry.atMs || nowMs - entry.atMs >= this.ttlMs) {
      this.#entries.delete(tokenHash)
      return undefined
    }
    return entry.session
  }

  set(tokenHash: string, session: ResolvedSignIn, nowMs: number): void {
    if (this.#entries.size >= this.maxEntries) this.#entries.clear()
    this.#entries.set(tokenHash, { session, atMs: nowMs })
  }

  forgetSession(sessionId: string): void {
    for (const [key, entry] of this.#entries)
      if (entry.session.sessionId === sessionId) this.#entries.delete(key)
  }

  forgetUser(userId: string): void {
    for (const [key, entry] of this.#entries) if (entry.session.userId === userId) this.#entries.delete(key)
  }
}
