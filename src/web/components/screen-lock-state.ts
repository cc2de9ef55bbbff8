import { useSyncExternalStore } from 'react'
import { lockSession } from '../api/auth'
import { pauseChartingQueue } from '../api/charting-queue-store'
import { type LockedUser, setSessionLockHandler } from '../api/client'

// Whether this tab shows the lock screen, and whose sign-in it holds (issue 14). Any 401
// `session-locked` from the server locks it (api/client.ts); the idle timer and the Lock button
// lock it too. Tabs share one sign-in, so locking or unlocking one tells the others (localStorage).

const lockedKey = 'ketacare.lockedAt'
const unlockedKey = 'ketacare.unlockedAt'
const listeners = new Set<() => void>()
let lockedUser: LockedUser | null = null
/** The signed-in user of this tab, so a lock announced by another tab can name them. */
let currentUser: LockedUser | null = null

function emit(): void {
  for (const listener of listeners) listener()
}

function announce(key: string): void {
  try {
    window.localStorage.setItem(key, String(Date.now()))
  } catch {
    // Without storage each tab locks on its own idle clock and its own next request.
  }
}

export function setCurrentUser(user: LockedUser): void {
  currentUser = user
}

export function showLockScreen(user: LockedUser, options: { isFromOtherTab?: boolean } = {}): void {
  if (lockedUser) return
  lockedUser = user
  pauseChartingQueue(true)
  if (!options.isFromOtherTab) announce(lockedKey)
  emit()
}

export function hideLockScreen(options: { isFromOtherTab?: boolean } = {}): void {
  if (!lockedUser) return
  lockedUser = null
  pauseChartingQueue(false)
  if (!options.isFromOtherTab) announce(unlockedKey)
  emit()
}

export function isScreenLocked(): boolean {
  return lockedUser !== null
}

setSessionLockHandler((user) => showLockScreen(user))

if (typeof window !== 'undefined') {
  window.addEventListener('storage', (event) => {
    if (event.key === lockedKey && currentUser) showLockScreen(currentUser, { isFromOtherTab: true })
    // The other tab proved the password or PIN to the server; this one shares that sign-in.
    if (event.key === unlockedKey) hideLockScreen({ isFromOtherTab: true })
  })
  // A lock made while the network was down reaches the server when it is back.
  window.addEventListener('online', () => {
    if (lockedUser) lockSession().catch(() => undefined)
  })
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** Whose locked sign-in this tab shows, or null while unlocked. */
export function useScreenLock(): LockedUser | null {
  return useSyncExternalStore(
    subscribe,
    () => lockedUser,
    () => null,
  )
}
