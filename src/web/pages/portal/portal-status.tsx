import { Alert, Anchor, Center, Loader, Stack, Text } from '@mantine/core'
import type { UseQueryResult } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import { Link } from 'react-router'
import { isApiError } from '../../api/client'
import { PortalHeading } from './portal-fields'

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

/** The wait or the problem of one read; nothing once its data is here. */
export function PortalQueryStatus({ query }: { query: UseQueryResult<unknown> }) {
  if (query.isPending) return <PortalLoader />
  if (query.isError) return <PortalProblem error={query.error} />
  return null
}

/** A portal page that shows one read: its heading, then the wait, the problem or the data. */
export function PortalPage<T>(props: {
  title: string
  lead: string
  query: UseQueryResult<T>
  children: (data: T) => ReactNode
}) {
  return (
    <Stack gap="lg">
      <PortalHeading title={props.title} lead={props.lead} />
      <PortalQueryStatus query={props.query} />
      {props.query.data !== undefined && props.children(props.query.data)}
    </Stack>
  )
}
