import type { FastifyReply, FastifyRequest } from 'fastify'
import type { AppContext } from '../context'
import { AppError } from '../errors'
import type { Principal } from '../principal'
import type { LiveChange, LiveHub } from './live-hub'

export interface LiveViewOptions<T> {
  clinicId: string
  /** Whether a change concerns this view (the board: the whole clinic; a session: that session). */
  isRelevant: (change: LiveChange) => boolean
  /**
   * Reads the view. `isRefresh` is false for the first read, which is audited as opening the view;
   * refreshes pushed after a change are not (issue 13: audit the opening, not each refresh).
   */
  load: (principal: Principal, isRefresh: boolean) => Promise<T>
  event: string
}

/** Coalesce bursts (a vitals entry writes several rows) into one refresh at most this often. */
const minRefreshGapMs = 150
/** A comment line keeps proxies from closing an idle stream, and re-checks the sign-in. */
const heartbeatMs = 25_000

/**
 * Serves a view as server-sent events: the view at once, then again whenever the database says
 * something it shows has changed. The sign-in is re-checked before every push and at each
 * heartbeat, so a signed-out, locked, expired or deactivated user's stream ends.
 */
export async function streamLiveView<T>(
  _ctx: AppContext,
  hub: LiveHub,
  request: FastifyRequest,
  reply: FastifyReply,
  options: LiveViewOptions<T>,
): Promise<void> {
  const recheckSignIn = request.recheckSignIn
  if (!recheckSignIn || !request.signIn) throw new AppError('not-signed-in', 'Please sign in.')
  // Errors of the first read (403, 404) are ordinary problem+json replies: nothing is sent yet.
  const first = await options.load(request.signIn.principal, false)

  reply.hijack()
  const raw = reply.raw
  raw.writeHead(200, {
    ...(reply.getHeaders() as Record<string, string>),
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  })
  const send = (event: string, data: unknown) => {
    raw.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`)
  }
  send(options.event, first)

  let isClosed = false
  let isLoading = false
  let isDirty = false
  let timer: NodeJS.Timeout | undefined

  // A locked sign-in stops the stream at once (no patient data under a lock screen); the re-check
  // is not activity, so an open stream does not keep an idle sign-in from locking.
  const currentPrincipal = async (): Promise<Principal | { endReason: string }> => {
    try {
      const signIn = await recheckSignIn()
      return signIn.state === 'signed-in' ? signIn.principal : { endReason: 'signed-out' }
    } catch (error) {
      return {
        endReason: error instanceof AppError && error.code === 'session-locked' ? 'locked' : 'signed-out',
      }
    }
  }
  const end = (reason: string) => {
    if (isClosed) return
    send('end', { reason })
    close()
    raw.end()
  }
  const refresh = async () => {
    timer = undefined
    if (isClosed) return
    if (isLoading) {
      isDirty = true
      return
    }
    isLoading = true
    try {
      const principal = await currentPrincipal()
      if ('endReason' in principal) return end(principal.endReason)
      const view = await options.load(principal, true)
      if (!isClosed) send(options.event, view)
    } catch (error) {
      return end(error instanceof AppError ? error.code : 'error')
    } finally {
      isLoading = false
    }
    if (isDirty) {
      isDirty = false
      schedule()
    }
  }
  const schedule = () => {
    if (!timer && !isClosed) timer = setTimeout(refresh, minRefreshGapMs)
  }
  const unsubscribe = hub.subscribe(options.clinicId, (change) => {
    // On shutdown the stream just ends: the browser reconnects, to another server if there is one.
    if (change === 'shutdown') {
      close()
      raw.end()
    } else if (change === 'resync' || options.isRelevant(change)) schedule()
  })
  const heartbeat = setInterval(async () => {
    const principal = await currentPrincipal()
    if ('endReason' in principal) return end(principal.endReason)
    if (!isClosed) raw.write(': heartbeat\n\n')
  }, heartbeatMs)
  const close = () => {
    isClosed = true
    unsubscribe()
    clearInterval(heartbeat)
    clearTimeout(timer)
  }
  raw.on('close', close)
}
