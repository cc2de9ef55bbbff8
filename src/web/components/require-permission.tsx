import { Alert } from '@mantine/core'
import type { ReactNode } from 'react'
import type { Permission } from '../../domain/access/permissions'
import { hasClinicPermission, useCurrentClinic } from './current-clinic'
import { StaffPage } from './staff-page'

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
    <StaffPage title="No access" maw={600}>
      <Alert color="yellow" variant="light">
        Your role in {membership.clinicName} does not give access to this page.
      </Alert>
    </StaffPage>
  )
}
