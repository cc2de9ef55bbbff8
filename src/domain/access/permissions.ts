// Roles and what each may do: the one place in code for design.md §2.

export const roles = ['admin', 'prescriber', 'nurse', 'front_desk', 'auditor', 'patient'] as const
export type Role = (typeof roles)[number]
export const staffRoles = ['admin', 'prescriber', 'nurse', 'front_desk', 'auditor'] as const
export type StaffRole = (typeof staffRoles)[number]

export const roleLabels: Record<Role, string> = {
  admin: 'Administrator',
  prescriber: 'Prescriber',
  nurse: 'Nurse',
  front_desk: 'Front desk',
  auditor: 'Auditor',
  patient: 'Patient',
}

export const permissions = [
  'clinic:read',
  'users:manage',
  'settings:manage',
  'audit:read',
  'reports:read',
  'patients:read',
  'demographics:write',
  'scheduling:write',
  'clinical:read',
  'clinical:write',
  'clinical:sign',
  'override:sign',
  'ledger:read',
  'ledger:write',
  'portal:self',
  // Recording the clinic's esketamine REMS setting certification (clinical-reference §3).
  'rems:certify',
  // Registering and revoking the SMART backend clients that read the clinic's FHIR API (issue 17).
  'fhir-clients:manage',
] as const
export type Permission = (typeof permissions)[number]

const grants: Record<Role, readonly Permission[]> = {
  // Administrators run the clinic, not the chart: no clinical reads or writes.
  admin: [
    'clinic:read',
    'users:manage',
    'settings:manage',
    'audit:read',
    'reports:read',
    'rems:certify',
    'fhir-clients:manage',
  ],
  prescriber: [
    'clinic:read',
    'reports:read',
    'patients:read',
    'demographics:write',
    'scheduling:write',
    'clinical:read',
    'clinical:write',
    'clinical:sign',
    'override:sign',
    'ledger:read',
    'ledger:write',
    'rems:certify',
  ],
  nurse: [
    'clinic:read',
    'patients:read',
    'demographics:write',
    'scheduling:write',
    'clinical:read',
    'clinical:write',
    'ledger:read',
    'ledger:write',
  ],
  front_desk: ['clinic:read', 'patients:read', 'demographics:write', 'scheduling:write'],
  // Inspectors read everything that is a record, and change nothing.
  auditor: ['clinic:read', 'audit:read', 'reports:read', 'patients:read', 'clinical:read', 'ledger:read'],
  patient: ['portal:self'],
}

export function hasPermission(role: Role, permission: Permission): boolean {
  return grants[role].includes(permission)
}

export function permissionsOf(role: Role): Permission[] {
  return [...grants[role]]
}

export function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value)
}
