import type { StaffRole } from '../domain/access/permissions'

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
