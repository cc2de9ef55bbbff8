import { Anchor, Stack, Text, Title } from '@mantine/core'
import { useEffect, useRef } from 'react'
import { Link, Navigate, useParams } from 'react-router'
import { isApiError } from '../../api/client'
import { useOpenMagicLink } from '../../api/portal'
import { PortalLoader, PortalProblem } from './portal-status'

/** A one-time survey link from a reminder e-mail: opens that survey, and only that survey. */
export function MagicLinkPage() {
  const { token = '' } = useParams()
  const open = useOpenMagicLink()
  // The link works once: a second request (React's development double effect) would find it used.
  const hasOpened = useRef(false)
  useEffect(() => {
    if (hasOpened.current) return
    hasOpened.current = true
    open.mutate(token)
  }, [open, token])

  if (open.isSuccess) return <Navigate to={`/portal/surveys/${open.data.surveyId}`} replace />
  if (open.isError) {
    if (isApiError(open.error) && (open.error.status === 404 || open.error.status === 410)) {
      return (
        <Stack gap="md">
          <Title order={1}>This survey link has already been used or has expired</Title>
          <Text fz="lg">
            A survey link works only once, and only for a short time. If you have a portal password,{' '}
            <Anchor component={Link} to="/portal/sign-in" underline="always">
              sign in
            </Anchor>{' '}
            to see the surveys that are due. If not, your clinic can send you a new link.
          </Text>
        </Stack>
      )
    }
    return <PortalProblem error={open.error} />
  }
  return <PortalLoader />
}
