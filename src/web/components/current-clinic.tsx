import { createContext, useContext } from 'react'
import type { Permission } from '../../domain/access/permissions'
import type { Me, Membership } from '../api/auth'

export interface CurrentClinic {
  me: Me
  membership: Membership
}

export const CurrentClinicContext = createContext<CurrentClinic | null>(null)

/** The signed-in user and their membership in the clinic named by the URL. */
export function useCurrentClinic(): CurrentClinic {
  const value = useContext(CurrentClinicContext)
  if (!value) throw new Error('useCurrentClinic is used outside a clinic route')
  return value
}

export function hasClinicPermission(membership: Membership, permission: Permission | undefined): boolean {
  return permission === undefined || membership.permissions.includes(permission)
}
