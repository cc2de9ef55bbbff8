import { useQueryClient } from '@tanstack/react-query'
import { useEffect } from 'react'
import { fetchMe, meQueryKey } from '../api/auth'
import { signOut } from './use-sign-out'

// Automatic logoff (design.md §6). Activity is shared through localStorage so that working in one
// tab keeps the others open, since all tabs share one server session.
const activityKey = 'ketacare.lastActivityAt'
const activityEvents = ['pointerdown', 'keydown', 'wheel', 'touchstart', 'mousemove'] as const
const checkEveryMs = 15_000
const recordEveryMs = 5_000

function readLastActivity(): number {
  try {
    return Number(window.localStorage.getItem(activityKey)) || Date.now()
  } catch {
    return Date.now()
  }
}

function writeLastActivity(atMs: number): void {
  try {
    window.localStorage.setItem(activityKey, String(atMs))
  } catch {
    // Without storage each tab keeps its own idle clock.
  }
}

/**
 * Signs out after `idleTimeoutMin` without keyboard, pointer or touch input. While the user is
 * active but the page makes no requests (reading, filling a long form), the session is refreshed
 * at half the timeout so the server does not expire it under them.
 */
export function useIdleSignOut(idleTimeoutMin: number): void {
  const queryClient = useQueryClient()
  useEffect(() => {
    if (!(idleTimeoutMin > 0)) return
    const timeoutMs = idleTimeoutMin * 60_000
    let lastRecordedMs = Date.now()
    let lastRefreshMs = Date.now()
    let isSigningOut = false
    writeLastActivity(lastRecordedMs)

    const onActivity = () => {
      const now = Date.now()
      if (now - lastRecordedMs < recordEveryMs) return
      lastRecordedMs = now
      writeLastActivity(now)
      if (now - lastRefreshMs > timeoutMs / 2) {
        lastRefreshMs = now
        void queryClient.fetchQuery({ queryKey: meQueryKey, queryFn: fetchMe, staleTime: 0 })
      }
    }
    const timer = window.setInterval(() => {
      if (isSigningOut || Date.now() - readLastActivity() < timeoutMs) return
      isSigningOut = true
      void signOut('session-ended')
    }, checkEveryMs)

    for (const name of activityEvents) window.addEventListener(name, onActivity, { passive: true })
    return () => {
      window.clearInterval(timer)
      for (const name of activityEvents) window.removeEventListener(name, onActivity)
    }
  }, [idleTimeoutMin, queryClient])
}
