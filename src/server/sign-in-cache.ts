import type { ResolvedSignIn } from './sign-in'

/**
 * Every request resolves its cookie; charting tablets send many a minute. Reusing a resolved
 * sign-in for a few seconds halves the database work of a request. The cost is bounded: a
 * deactivation or role change made on another server process takes effect within `ttlMs`; this
 * process forgets a sign-in at once when it signs out or rotates.
 */
export class SignInCache {
  readonly #entries = new Map<string, { signIn: ResolvedSignIn; atMs: number }>()

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
    return entry.signIn
  }

  set(tokenHash: string, signIn: ResolvedSignIn, nowMs: number): void {
    if (this.#entries.size >= this.maxEntries) this.#entries.clear()
    this.#entries.set(tokenHash, { signIn, atMs: nowMs })
  }

  forgetSignIn(signInId: string): void {
    for (const [key, entry] of this.#entries)
      if (entry.signIn.signInId === signInId) this.#entries.delete(key)
  }

  forgetUser(userId: string): void {
    for (const [key, entry] of this.#entries) if (entry.signIn.userId === userId) this.#entries.delete(key)
  }
}
