import { useQueryClient } from '@tanstack/react-query'
import { useCallback, useEffect, useSyncExternalStore } from 'react'
import * as queue from '../lib/charting-queue'
import { type VitalsReply, withVitalsReply } from '../lib/vitals-reply'
import { apiFetch, isApiError } from './client'
import { boardKey, type SessionView, sessionKey } from './sessions'

// The charting queue at run time: the entries in memory and in localStorage (so a reload, a crash or a
// dead battery loses nothing), one request in flight at a time, a timer for the back-off, and
// an immediate retry when the browser reports the network is back. The rules are in lib/charting-queue.ts.

/** Named from when the queue was called the outbox; tablets hold unsent charting under it. */
export const chartingQueueStorageKey = 'ketacare.outbox.v1'
const storageKey = chartingQueueStorageKey
const listeners = new Set<() => void>()
const sentListeners = new Set<(entry: queue.ChartingQueueEntry, reply: unknown) => void>()
let entries: queue.ChartingQueueEntry[] = []
let isLoaded = false
let activeUserId: string | null = null
let isSending = false
/** Under the lock screen nothing is sent: the queue waits, as it is, for its user to unlock. */
let isPaused = false
let timer: ReturnType<typeof setTimeout> | null = null

function load(): void {
  if (isLoaded || typeof window === 'undefined') return
  isLoaded = true
  entries = queue.restoreEntries(queue.parseStored(window.localStorage.getItem(storageKey)), Date.now())
  window.addEventListener('online', () => {
    set(queue.retryNow(entries, Date.now()))
    void pump()
  })
}

function set(next: queue.ChartingQueueEntry[]): void {
  entries = next
  try {
    window.localStorage.setItem(storageKey, JSON.stringify(entries))
  } catch {
    // Storage full or blocked: the entries stay in memory and are still sent.
  }
  for (const listener of listeners) listener()
}

function schedule(): void {
  if (timer) clearTimeout(timer)
  timer = null
  if (!activeUserId) return
  const wakeAt = queue.nextWakeAtMs(entries, activeUserId)
  if (wakeAt !== null) timer = setTimeout(() => void pump(), Math.max(0, wakeAt - Date.now()))
}

async function pump(): Promise<void> {
  if (isSending || isPaused || !activeUserId) return
  const entry = queue.nextToSend(entries, activeUserId, Date.now())
  if (!entry) {
    schedule()
    return
  }
  isSending = true
  set(queue.markSending(entries, entry.id))
  let result: queue.SendResult
  let reply: unknown = null
  try {
    reply = await apiFetch<unknown>(entry.path, {
      method: 'POST',
      body: entry.body,
      headers: { 'idempotency-key': entry.id },
    })
    result = { outcome: 'sent' }
  } catch (error) {
    const status = isApiError(error) ? error.status : 0
    const detail = error instanceof Error ? error.message : 'No answer from the server.'
    result =
      queue.classifyStatus(status) === 'refused' && isApiError(error)
        ? { outcome: 'refused', problem: { status, detail: error.detail, fieldErrors: error.fieldErrors } }
        : { outcome: 'retry', status, detail: status === 0 ? 'No network: will resend.' : detail }
  }
  set(queue.applyResult(entries, entry.id, result, Date.now()))
  isSending = false
  if (result.outcome === 'sent') for (const listener of sentListeners) listener(entry, reply)
  void pump()
}

/** Holds the queue while the screen is locked; releasing it sends what waited at once. */
export function pauseChartingQueue(paused: boolean): void {
  isPaused = paused
  if (!paused) resendChartingQueueNow()
}

/** What waited (a lock, a dropped network) goes now, not after its back-off. */
export function resendChartingQueueNow(): void {
  load()
  set(queue.retryNow(entries, Date.now()))
  void pump()
}

function subscribe(listener: () => void): () => void {
  load()
  listeners.add(listener)
  return () => listeners.delete(listener)
}

const getSnapshot = () => entries

/**
 * The signed-in user's charting queue. Mounting it starts sending that user's entries (and only theirs:
 * a shared tablet never sends one nurse's charting under another's sign-in). Each acknowledged
 * entry refreshes its session and the board; a vital sign's lean reply updates the session in place.
 */
export function useChartingQueue(userId: string, clinicId: string) {
  const all = useSyncExternalStore(subscribe, getSnapshot)
  const queryClient = useQueryClient()

  useEffect(() => {
    load()
    activeUserId = userId
    void pump()
    const onSent = (entry: queue.ChartingQueueEntry, reply: unknown) => {
      const key = sessionKey(entry.clinicId, entry.sessionId)
      if (entry.kind === 'vitals')
        queryClient.setQueryData<SessionView>(key, (view) =>
          view ? withVitalsReply(view, reply as VitalsReply) : view,
        )
      else void queryClient.invalidateQueries({ queryKey: key })
      void queryClient.invalidateQueries({ queryKey: boardKey(entry.clinicId) })
    }
    sentListeners.add(onSent)
    return () => {
      sentListeners.delete(onSent)
    }
  }, [userId, queryClient])

  const enqueue = useCallback(
    (input: Omit<queue.NewEntry, 'userId' | 'clinicId'>) => {
      set([...entries, queue.createEntry({ ...input, userId, clinicId }, Date.now(), crypto.randomUUID())])
      void pump()
    },
    [userId, clinicId],
  )
  const fix = useCallback((id: string, body: Record<string, unknown>, label: string) => {
    set(queue.fixEntry(entries, id, body, label, crypto.randomUUID(), Date.now()))
    void pump()
  }, [])
  const discard = useCallback((id: string) => set(queue.discardEntry(entries, id)), [])
  const retry = useCallback((id?: string) => {
    set(queue.retryNow(entries, Date.now(), id))
    void pump()
  }, [])

  return { entries: all.filter((e) => e.userId === userId), enqueue, fix, discard, retry }
}

export type ChartingQueue = ReturnType<typeof useChartingQueue>
