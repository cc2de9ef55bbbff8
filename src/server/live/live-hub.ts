import type { DatabaseHandle } from '../../db'

/** The channel the migration 017 triggers notify on: payload `clinicId:sessionId`. */
export const liveChannel = 'ketacare_live'

/** What changed: a session's record, or (sessionId null) something clinic-wide such as an alert. */
export interface LiveChange {
  clinicId: string
  sessionId: string | null
}

/** `resync`: notifications may have been missed; `shutdown`: this server is closing. */
type Listener = (change: LiveChange | 'resync' | 'shutdown') => void

/**
 * Fans PostgreSQL notifications out to the open screens of this server process. Every process
 * LISTENs on the one channel, so a vital sign charted through any server reaches every board
 * (ARCHITECTURE.md "Live updates"). Listeners are keyed by clinic: a screen only hears its own.
 */
export class LiveHub {
  readonly #listeners = new Map<string, Set<Listener>>()
  #unlisten: (() => Promise<void>) | undefined

  static async start(database: Pick<DatabaseHandle, 'listen'>): Promise<LiveHub> {
    const hub = new LiveHub()
    hub.#unlisten = await database.listen(liveChannel, {
      onPayload: (payload) => hub.#dispatch(payload),
      onResync: () => hub.#broadcast('resync'),
    })
    return hub
  }

  subscribe(clinicId: string, listener: Listener): () => void {
    let set = this.#listeners.get(clinicId)
    if (!set) {
      set = new Set()
      this.#listeners.set(clinicId, set)
    }
    set.add(listener)
    return () => {
      set.delete(listener)
      if (set.size === 0) this.#listeners.delete(clinicId)
    }
  }

  /** Open subscriptions, for /metrics. */
  get subscriberCount(): number {
    let count = 0
    for (const set of this.#listeners.values()) count += set.size
    return count
  }

  /** Ends every open stream (so closing the server does not wait on them), then stops listening. */
  async stop(): Promise<void> {
    this.#broadcast('shutdown')
    this.#listeners.clear()
    await this.#unlisten?.()
    this.#unlisten = undefined
  }

  #dispatch(payload: string): void {
    const [clinicId, sessionId] = payload.split(':')
    if (!clinicId) return
    const change: LiveChange = { clinicId, sessionId: sessionId ? sessionId : null }
    for (const listener of this.#listeners.get(clinicId) ?? []) listener(change)
  }

  #broadcast(change: 'resync' | 'shutdown'): void {
    for (const set of [...this.#listeners.values()]) for (const listener of [...set]) listener(change)
  }
}
