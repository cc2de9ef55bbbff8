import { Alert, Button, Center, Stack, Title } from '@mantine/core'
import { useRouteError } from 'react-router'

/** Replaces a page that crashed while rendering, instead of the router's developer screen. */
export function RouteError() {
  const error = useRouteError()
  return (
    <Center mih="60vh" p="md">
      <Stack gap="md" maw={520}>
        <Title order={1} size="h2">
          Something went wrong
        </Title>
        <Alert color="red" variant="light">
          This page could not be shown{error instanceof Error ? `: ${error.message}` : '.'} Reload to try
          again; if it keeps happening, tell your administrator.
        </Alert>
        <Button onClick={() => window.location.reload()} w="fit-content">
          Reload
        </Button>
      </Stack>
    </Center>
  )
}
