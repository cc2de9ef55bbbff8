import type { Permission, StaffRole } from '../domain/access/permissions'

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
  /** Set when a SMART backend client's access token is the caller, not a person (fhir/caller.ts). */
  client?: ClientGrant
}

/** What a backend client's token allows: its scopes, as permissions on FHIR resource types. */
export interface ClientGrant {
  clientId: string
  allows: (permission: Permission, resourceType: string) => boolean
}
