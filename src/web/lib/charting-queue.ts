// The chair-side charting queue (issue 5, "nothing charted may be lost"): every charting write is an entry
// with its own Idempotency-Key and the time the nurse took it, kept until the server acknowledges
// it. Entries go out in order; a network failure or a 5xx is retried with back-off (the key makes a
// resend safe), a 4xx is held for the nurse to fix or discard, because sending it again as it is
// cannot succeed. This file is the pure part: no clock, storage or network (they are parameters).

export type OutboxKind =
  | 'vitals'
  | 'side-effect'
  | 'side-effect-resolve'
  | 'score'
  | 'infusion'
  | 'device'
  | 'dissociation-check'

export type OutboxStatus = 'pending' | 'sending' | 'held' | 'sent'

export interface OutboxProblem {
  status: number
  detail: string
  fieldErrors: Record<string, string>
}

export interface NewEntry {
  /** Whose entry: a shared tablet must never send one user's charting under another's sign-in. */
  userId: string
  clinicId: string
  sessionId: string
  kind: OutboxKind
  /** API path under /api/v1. */
  path: string
  body: Record<string, unknown>
  /** What the nurse charted, in words ("BP 128/82, HR 74"). */
  label: string
}

export interface ChartingQueueEntry extends NewEntry {
  /** Also the Idempotency-Key of the request. */
  id: string
  /** When the nurse charted it (ms); sent as measuredAt / at, so late delivery keeps clinical time. */
  takenAtMs: number
  status: OutboxStatus
  attempts: number
  nextAttemptAtMs: number
  problem: OutboxProblem | null
  sentAtMs: number | null
}

/** The field of each kind's body that carries the clinical time. */
const timeField: Record<OutboxKind, string> = {
  vitals: 'measuredAt',
  'side-effect': 'onsetAt',
  'side-effect-resolve': 'resolvedAt',
  score: 'administeredAt',
  infusion: 'at',
  device: 'at',
  'dissociation-check': 'at',
}

export const backoffBaseMs = 1_000
export const backoffMaxMs = 30_000
/** Acknowledged entries stay listed as "saved" this long, then drop out of storage. */
export const keepSentMs = 15 * 60_000

/**
 * A new entry stamped with the time it was taken. The body's time field keeps a time the nurse
 * chose (charting late) and otherwise gets `nowMs`.
 */
export function createEntry(input: NewEntry, nowMs: number, id: string): ChartingQueueEntry {
  const field = timeField[input.kind]
  const given = input.body[field]
  const takenAtMs = typeof given === 'string' && !Number.isNaN(Date.parse(given)) ? Date.parse(given) : nowMs
  return {
    ...input,
    id,
    body: { ...input.body, [field]: new Date(takenAtMs).toISOString() },
    takenAtMs,
    status: 'pending',
    attempts: 0,
    nextAttemptAtMs: nowMs,
    problem: null,
    sentAtMs: null,
  }
}

/** Back-off after `attempts` failed tries: 1 s, 2 s, 4 s … capped at 30 s. */
export function backoffMs(attempts: number): number {
  if (attempts <= 0) return 0
  return Math.min(backoffMaxMs, backoffBaseMs * 2 ** (attempts - 1))
}

/** Entries not yet acknowledged by the server (pending, sending or held), oldest first. */
export function unsentEntries(entries: readonly ChartingQueueEntry[], userId?: string): ChartingQueueEntry[] {
  return entries.filter((e) => e.status !== 'sent' && (userId === undefined || e.userId === userId))
}

/**
 * The next entry to send now, or null. Order is kept: the oldest retryable entry goes first, and
 * while it waits for its back-off nothing behind it overtakes it (a pump "pause" must not arrive
 * before its "start"). Held entries (4xx) do not block the queue: waiting will not fix them.
 */
export function nextToSend(
  entries: readonly ChartingQueueEntry[],
  userId: string,
  nowMs: number,
): ChartingQueueEntry | null {
  for (const entry of entries) {
    if (entry.userId !== userId) continue
    if (entry.status === 'sending') return null
    if (entry.status === 'pending') return entry.nextAttemptAtMs <= nowMs ? entry : null
  }
  return null
}

/** When the queue next needs attention (ms), or null when nothing is waiting. */
export function nextWakeAtMs(entries: readonly ChartingQueueEntry[], userId: string): number | null {
  const first = entries.find((e) => e.userId === userId && e.status === 'pending')
  return first ? first.nextAttemptAtMs : null
}

export type SendResult =
  | { outcome: 'sent' }
  /** No answer (offline, aborted) or a server error: try again later. */
  | { outcome: 'retry'; status: number; detail: string }
  /** The server refused the entry as it is (4xx). */
  | { outcome: 'refused'; problem: OutboxProblem }

/**
 * Classifies a reply status: 2xx sent; no answer (0), 401 (signed out: it goes once the nurse signs
 * in again), 408, 429 and 5xx retry; other 4xx refused.
 */
export function classifyStatus(status: number): SendResult['outcome'] {
  if (status >= 200 && status < 300) return 'sent'
  if ([0, 401, 408, 429].includes(status) || status >= 500) return 'retry'
  return 'refused'
}

const update = (
  entries: readonly ChartingQueueEntry[],
  id: string,
  change: (e: ChartingQueueEntry) => ChartingQueueEntry,
) => entries.map((e) => (e.id === id ? change(e) : e))

export function markSending(entries: readonly ChartingQueueEntry[], id: string): ChartingQueueEntry[] {
  return update(entries, id, (e) => ({ ...e, status: 'sending' }))
}

/** Applies the outcome of one send. */
export function applyResult(
  entries: readonly ChartingQueueEntry[],
  id: string,
  result: SendResult,
  nowMs: number,
): ChartingQueueEntry[] {
  return update(entries, id, (e) => {
    const attempts = e.attempts + 1
    switch (result.outcome) {
      case 'sent':
        return { ...e, status: 'sent', attempts, problem: null, sentAtMs: nowMs }
      case 'retry':
        return {
          ...e,
          status: 'pending',
          attempts,
          nextAttemptAtMs: nowMs + backoffMs(attempts),
          problem: { status: result.status, detail: result.detail, fieldErrors: {} },
        }
      case 'refused':
        return { ...e, status: 'held', attempts, problem: result.problem }
    }
  })
}

/**
 * After a reload an entry may be left "sending" (the answer never arrived): it goes back to
 * pending; the Idempotency-Key makes the resend safe. Old acknowledgements are dropped.
 */
export function restoreEntries(entries: readonly ChartingQueueEntry[], nowMs: number): ChartingQueueEntry[] {
  return entries
    .filter((e) => e.status !== 'sent' || (e.sentAtMs ?? 0) > nowMs - keepSentMs)
    .map((e) => (e.status === 'sending' ? { ...e, status: 'pending' as const, nextAttemptAtMs: nowMs } : e))
}

/** Send now: the network is back (or the nurse asked), so skip the rest of the back-off. */
export function retryNow(
  entries: readonly ChartingQueueEntry[],
  nowMs: number,
  id?: string,
): ChartingQueueEntry[] {
  return entries.map((e) =>
    (id === undefined || e.id === id) && (e.status === 'pending' || (id !== undefined && e.status === 'held'))
      ? { ...e, status: 'pending', nextAttemptAtMs: nowMs }
      : e,
  )
}

/**
 * The nurse corrected a held entry. A changed body needs a new Idempotency-Key: the server
 * refuses a key reused for a different request.
 */
export function fixEntry(
  entries: readonly ChartingQueueEntry[],
  id: string,
  body: Record<string, unknown>,
  label: string,
  newId: string,
  nowMs: number,
): ChartingQueueEntry[] {
  return update(entries, id, (e) => ({
    ...e,
    id: newId,
    body: { ...body, [timeField[e.kind]]: new Date(e.takenAtMs).toISOString() },
    label,
    status: 'pending',
    attempts: 0,
    nextAttemptAtMs: nowMs,
    problem: null,
  }))
}

/** The nurse discarded a held entry (it is not charted; nothing on the server to undo). */
export function discardEntry(entries: readonly ChartingQueueEntry[], id: string): ChartingQueueEntry[] {
  return entries.filter((e) => !(e.id === id && e.status === 'held'))
}

/** Reads what localStorage held, tolerating anything malformed (it is dropped, not thrown). */
export function parseStored(raw: string | null): ChartingQueueEntry[] {
  if (!raw) return []
  try {
    const value: unknown = JSON.parse(raw)
    if (!Array.isArray(value)) return []
    return value.filter(
      (e): e is ChartingQueueEntry =>
        typeof e === 'object' &&
        e !== null &&
        typeof e.id === 'string' &&
        typeof e.userId === 'string' &&
        typeof e.path === 'string' &&
        typeof e.status === 'string' &&
        typeof e.takenAtMs === 'number',
    )
  } catch {
    return []
  }
}
