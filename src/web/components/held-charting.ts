import { chartingQueueStorageKey } from '../api/charting-queue-store'
import { type ChartingQueueEntry, parseStored, unsentEntries } from '../lib/charting-queue'

// Charting queued on this device stays with the nurse who charted it (lib/outbox.ts): a different
// user signing in on the same tablet never sends it. These helpers name whose it is, so the lock
// screen and the next user can be told it is held.

const namesKey = 'ketacare.outboxUserNames'

function readNames(): Record<string, string> {
  try {
    const value: unknown = JSON.parse(window.localStorage.getItem(namesKey) ?? '{}')
    return typeof value === 'object' && value !== null ? (value as Record<string, string>) : {}
  } catch {
    return {}
  }
}

/** Remembers the display name behind a user id, for "held for Dana Whitfield". */
export function rememberUserName(userId: string, displayName: string): void {
  const names = readNames()
  if (names[userId] === displayName) return
  try {
    window.localStorage.setItem(namesKey, JSON.stringify({ ...names, [userId]: displayName }))
  } catch {
    // Without storage the notice says "another user".
  }
}

function storedUnsent(): ChartingQueueEntry[] {
  try {
    return unsentEntries(parseStored(window.localStorage.getItem(chartingQueueStorageKey)))
  } catch {
    return []
  }
}

/** How many of this user's charting entries wait on this device. */
export function countUnsentOf(userId: string): number {
  return storedUnsent().filter((e) => e.userId === userId).length
}

export interface HeldForOther {
  userId: string
  name: string
  count: number
}

/** Charting entries on this device that belong to someone other than `userId`. */
export function heldForOthers(userId: string): HeldForOther[] {
  const names = readNames()
  const counts = new Map<string, number>()
  for (const e of storedUnsent())
    if (e.userId !== userId) counts.set(e.userId, (counts.get(e.userId) ?? 0) + 1)
  return [...counts].map(([id, count]) => ({ userId: id, name: names[id] ?? 'another user', count }))
}
