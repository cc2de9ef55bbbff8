import { Anchor, Stack, Text, Title } from '@mantine/core'
import { Link, Navigate, Outlet, useLocation } from 'react-router'
import { isApiError } from '../../api/client'
import { type PortalMe, usePortalMe } from '../../api/portal'
import { PortalLoader, PortalProblem } from './portal-status'

/** Sends anyone without a portal session to the portal's sign-in page, keeping where they were going. */
export function signInPath(next: string, reason?: 'ended'): string {
  const params = new URLSearchParams({ next })
  if (reason) params.set('reason', reason)
  return `/portal/sign-in?${params.toString()}`
}

/** A magic link's session may only answer its one survey: everything else asks for a sign-in. */
function SurveyOnlyNotice({ me }: { me: PortalMe }) {
  return (
    <Stack gap="md">
      <Title order={1}>This link opens one survey</Title>
      <Text>
        The link you used lets you answer one survey without a password. To see your other surveys, your
        visits and your progress, please sign in.
      </Text>
      {me.surveyId && (
        <Anchor component={Link} to={`/portal/surveys/${me.surveyId}`} fz="lg">
          Go back to the survey
        </Anchor>
      )}
      <Anchor component={Link} to="/portal/sign-in" fz="lg">
        Sign in to the portal
      </Anchor>
    </Stack>
  )
}

/**
 * Portal pages that need a session. `allowSurveyScope` lets a magic link's session through (the
 * survey page then checks it is that survey).
 */
export function RequirePortalSession({ allowSurveyScope = false }: { allowSurveyScope?: boolean }) {
  const me = usePortalMe()
  const location = useLocation()
  if (me.isPending) return <PortalLoader />
  if (me.isError) {
    if (isApiError(me.error) && me.error.status === 401) {
      const reason = me.error.code === 'session-expired' ? 'ended' : undefined
      return <Navigate to={signInPath(location.pathname, reason)} replace />
    }
    // A sign-in still waiting for its code (two-step sign-in) starts again from the password.
    if (isApiError(me.error, 'mfa-required')) return <Navigate to={signInPath(location.pathname)} replace />
    return <PortalProblem error={me.error} />
  }
  if (me.data.scope === 'survey' && !allowSurveyScope) return <SurveyOnlyNotice me={me.data} />
  return <Outlet />
}
