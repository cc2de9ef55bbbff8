import { Alert, Center, Loader } from '@mantine/core'
import { isApiError } from '../api/client'

export function PageLoader() {
  return (
    <Center py="xl">
      <Loader aria-label="Loading" />
    </Center>
  )
}

/** Shows a failed request's problem detail (RFC 9457) in plain words. */
export function ErrorAlert({ error, title = 'Something went wrong' }: { error: unknown; title?: string }) {
  const message = isApiError(error) || error instanceof Error ? error.message : 'Unexpected error.'
  return (
    <Alert color="red" variant="light" title={title} role="alert">
      {message}
    </Alert>
  )
}
