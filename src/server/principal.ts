import { hasPermission, type Permission, type StaffRole } from '../domain/access/permissions'
import { AppError } from './errors'

export interface Membership {
  clinicId: string
  clinicName: string
  organizationName: string
  role: StaffRole
}

/** The signed-in staff user behind a request. */
export interface Principal {
  userId: string
  email: string
  displayName: string
  sessionId: string
  memberships: Membership[]
  ip: string | null
}

/** The role the principal holds in a clinic, or a 403 naming what is missing. */
export function requireClinicPermission(
  principal: Principal,
  clinicId: string,
  permission: Permission,
): Membership {
  const membership = principal.memberships.find((m) => m.clinicId === clinicId)
  if (!membership)
    throw new AppError('forbidden', 'You are not a member of this clinic.', { extra: { clinicId } })
  if (!hasPermission(membership.role, permission)) {
    throw new AppError(
      'forbidden',
      `Your role (${membership.role}) does not allow ${permission} in this clinic.`,
      {
        extra: { clinicId, permission },
      },
    )
  }
  return membership
}
