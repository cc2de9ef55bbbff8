import { Navigate, Outlet, useLocation } from 'react-router'
import { useMe } from '../api/auth'
import { isApiError } from '../api/client'
import { ErrorAlert, PageLoader } from './page-status'
import { signInUrl } from './sign-in-state'

/** Renders its routes only for a fully signed-in user; anyone else goes to the sign-in page. */
export function RequireSession() {
  const me = useMe()
  const location = useLocation()
  if (me.isPending) return <PageLoader />
  if (me.isError) {
    // api/client.ts has already sent a 401 to the sign-in page; other errors are shown here.
    if (isApiError(me.error) && me.error.status === 401) return <PageLoader />
    return <ErrorAlert error={me.error} title="Could not load your account" />
  }
  if (me.data.state !== 'signed-in') {
    return <Navigate to={signInUrl(undefined, location.pathname + location.search)} replace />
  }
  return <Outlet />
}
