import { Alert, Button, Group, List, Stack, Text } from '@mantine/core'
import { isApiError } from '../api/client'

interface MutationErrorProps {
  /** The failed write's error; or give `mutation`, whose error this is. */
  error?: unknown
  /** The failed write: Reload first resets it, so its message goes, then calls `onReload`. */
  mutation?: { error: unknown; reset: () => void }
  /** Fields whose messages the form already shows beside its inputs. */
  placedFields?: readonly string[]
  /** Reloads the record after a stale-version conflict. */
  onReload?: () => void
}

/**
 * A failed save in plain words. A stale version (409) says that someone else changed the record
 * and nothing was overwritten; field problems not shown beside an input are listed here.
 */
export function MutationError({ mutation, placedFields = [], ...props }: MutationErrorProps) {
  const error = mutation ? mutation.error : props.error
  const onReload =
    mutation || props.onReload
      ? () => {
          mutation?.reset()
          props.onReload?.()
        }
      : undefined
  if (!error) return null
  if (isApiError(error, 'stale-version')) {
    return (
      <Alert color="orange" variant="light" role="alert" title="Someone else changed this record">
        <Stack gap="xs">
          <Text size="sm">
            It was changed after you opened it, so your change was not saved and nothing was overwritten.
            Reload to see the latest version, then make your change again.
          </Text>
          {onReload && (
            <Group>
              <Button size="xs" variant="light" color="orange" onClick={onReload}>
                Reload
              </Button>
            </Group>
          )}
        </Stack>
      </Alert>
    )
  }
  if (isApiError(error)) {
    const unplaced = Object.entries(error.fieldErrors).filter(([field]) => !placedFields.includes(field))
    if (Object.keys(error.fieldErrors).length > 0 && unplaced.length === 0) return null
    return (
      <Alert color="red" variant="light" role="alert" title="Not saved">
        <Text size="sm">{error.detail}</Text>
        {unplaced.length > 0 && (
          <List size="sm" mt={4}>
            {unplaced.map(([field, message]) => (
              <List.Item key={field}>
                {field}: {message}
              </List.Item>
            ))}
          </List>
        )}
      </Alert>
    )
  }
  return (
    <Alert color="red" variant="light" role="alert" title="Not saved">
      {error instanceof Error ? error.message : 'Unexpected error.'}
    </Alert>
  )
}

/** The server's message for one field, to show beside its input. */
export function fieldError(error: unknown, field: string): string | undefined {
  return isApiError(error) ? error.fieldErrors[field] : undefined
}
