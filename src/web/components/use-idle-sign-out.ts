import { useQueryClient } from '@tanstack/react-query'
import { useEffect } from 'react'
import { fetchMe, lockSession, type Me, meQueryKey } from '../api/auth'
import { isScreenLocked, setCurrentUser, showLockScreen } from './screen-lock-state'

// Automatic logoff (design.md §6, HIPAA 45 CFR 164.312(a)(2)(iii)) as a lock screen (issue 14):
// after the idle period the page is covered and the server sign-in locked, so a nurse mid-
// monitoring keeps the page, its timers and the unsent charting, and unlocks with a PIN. Activity
// is shared through localStorage so that working in one tab keeps the others open, since all tabs
// share one server session.
const activityKey = 'ketacare.lastActivityAt'
const activityEvents = ['pointerdown', 'keydown', 'wheel', 'touchstart', 'mousemove'] as const
const checkEveryMs = 5_000
const recordEveryMs = 5_000

function readLastActivity(): number {
  try {
    return Number(window.localStorage.getItem(activityKey)) || Date.now()
  } catch {
    return Date.now()
  }
}

export function writeLastActivity(atMs: number): void {
  try {
    window.localStorage.setItem(activityKey, String(atMs))
  } catch {
    // Without storage each tab keeps its own idle clock.
  }
}

/** Locks the screen now, and the sign-in on the server with it. */
export function lockNow(user: { id: string; displayName: string }): void {
  showLockScreen(user)
  // If this fails (no network) the server locks the sign-in by its own idle clock.
  lockSession().catch(() => undefined)
}

/**
 * Locks after `idleTimeoutMin` without keyboard, pointer or touch input. While the user is active
 * but the page makes no requests (reading, filling a long form), the session is refreshed at half
 * the timeout so the server does not lock it under them. Input under the lock screen is not
 * activity.
 */
export function useIdleLock(me: Me): void {
  const queryClient = useQueryClient()
  const { idleTimeoutMin } = me
  const { id, displayName } = me.user
  useEffect(() => {
    const user = { id, displayName }
    setCurrentUser(user)
    if (!(idleTimeoutMin > 0)) return
    const timeoutMs = idleTimeoutMin * 60_000
    let lastRecordedMs = Date.now()
    let lastRefreshMs = Date.now()
    writeLastActivity(lastRecordedMs)

    const onActivity = () => {
      const now = Date.now()
      if (isScreenLocked() || now - lastRecordedMs < recordEveryMs) return
      lastRecordedMs = now
      writeLastActivity(now)
      if (now - lastRefreshMs > timeoutMs / 2) {
        lastRefreshMs = now
        void queryClient.fetchQuery({ queryKey: meQueryKey, queryFn: fetchMe, staleTime: 0 })
      }
    }
    const timer = window.setInterval(() => {
      if (isScreenLocked() || Date.now() - readLastActivity() < timeoutMs) return
      lockNow(user)
    }, checkEveryMs)

    for (const name of activityEvents) window.addEventListener(name, onActivity, { passive: true })
    return () => {
      window.clearInterval(timer)
      for (const name of activityEvents) window.removeEventListener(name, onActivity)
    }
  }, [idleTimeoutMin, id, displayName, queryClient])
}
