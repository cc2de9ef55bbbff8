import { Alert, Stack, Title } from '@mantine/core'
import type { ReactNode } from 'react'
import type { Permission } from '../../domain/access/permissions'
import { hasClinicPermission, useCurrentClinic } from './current-clinic'

/** Hides a page from members whose role lacks the permission (the API refuses them too). */
export function RequirePermission({
  permission,
  children,
}: {
  permission?: Permission
  children: ReactNode
}) {
  const { membership } = useCurrentClinic()
  if (hasClinicPermission(membership, permission)) return children
  return (
    <Stack gap="md" maw={600}>
      <Title order={1} size="h2">
        No access
      </Title>
      <Alert color="yellow" variant="light">
        Your role in {membership.clinicName} does not give access to this page.
      </Alert>
    </Stack>
  )
}
