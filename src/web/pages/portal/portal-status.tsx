import { Alert, Anchor, Center, Loader, Text } from '@mantine/core'
import { Link } from 'react-router'
import { isApiError } from '../../api/client'

export function PortalLoader() {
  return (
    <Center py="xl">
      <Loader aria-label="Loading" />
    </Center>
  )
}

/** A failed request in plain words; an ended session offers the way back in. */
export function PortalProblem({ error }: { error: unknown }) {
  if (isApiError(error) && error.status === 401) {
    return (
      <Alert color="yellow" variant="light" title="You have been signed out" role="alert">
        <Text size="sm">
          To keep your details private, the portal signs you out after a while.{' '}
          <Anchor component={Link} to="/portal/sign-in" underline="always">
            Sign in again
          </Anchor>
        </Text>
      </Alert>
    )
  }
  const message = isApiError(error)
    ? error.detail
    : 'We could not reach the clinic’s system. Check your connection and try again.'
  return (
    <Alert color="red" variant="light" title="Something went wrong" role="alert">
      {message}
    </Alert>
  )
}
