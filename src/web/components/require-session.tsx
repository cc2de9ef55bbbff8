import { useQueryClient } from '@tanstack/react-query'
import { Navigate, Outlet, useLocation } from 'react-router'
import { meQueryKey, useMe } from '../api/auth'
import { isApiError, type LockedUser } from '../api/client'
import { LockScreenAfterReload } from './lock-screen'
import { ErrorAlert, PageLoader } from './page-status'
import { signInUrl } from './sign-in-state'

/** Renders its routes only for a fully signed-in user; anyone else goes to the sign-in page. */
export function RequireSession() {
  const me = useMe()
  const location = useLocation()
  const queryClient = useQueryClient()
  if (me.isPending) return <PageLoader />
  // A refresh refused because the screen locked keeps the page (and its state) under the lock
  // screen; only a page loaded while locked has nothing to keep.
  if (me.isError && !me.data) {
    // A page reloaded while its sign-in is locked: unlock first, then the page loads.
    if (isApiError(me.error, 'session-locked')) {
      const user = me.error.problem.user as LockedUser
      return (
        <LockScreenAfterReload
          user={user}
          onUnlocked={() => void queryClient.invalidateQueries({ queryKey: meQueryKey })}
        />
      )
    }
    // api/client.ts has already sent a 401 to the sign-in page; other errors are shown here.
    if (isApiError(me.error) && me.error.status === 401) return <PageLoader />
    return <ErrorAlert error={me.error} title="Could not load your account" />
  }
  if (me.data.state !== 'signed-in') {
    return <Navigate to={signInUrl(undefined, location.pathname + location.search)} replace />
  }
  return <Outlet />
}
