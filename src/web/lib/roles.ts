import { isRole, roleLabels, staffRoles } from '../../domain/access/permissions'

/** The role's name on screen; an unknown role from a newer server shows as sent. */
export function roleLabel(role: string): string {
  return isRole(role) ? roleLabels[role] : role
}

export const staffRoleOptions = staffRoles.map((role) => ({ value: role, label: roleLabels[role] }))
