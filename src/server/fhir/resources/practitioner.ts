import type { Practitioner, PractitionerRole } from '@medplum/fhirtypes'
import type { Selectable } from 'kysely'
import type { AppUserTable, MembershipTable } from '../../../db'
import { roleLabels } from '../../../domain/access/permissions'
import { staffRoleSystem } from '../code-systems'
import { ref, versionedMeta } from './meta'

export type StaffRow = Pick<
  Selectable<AppUserTable>,
  'id' | 'email' | 'display_name' | 'is_active' | 'version' | 'created_at'
>
export type MembershipRow = Pick<
  Selectable<MembershipTable>,
  'id' | 'clinic_id' | 'user_id' | 'role' | 'is_active' | 'version' | 'created_at'
>

// The account has a version but no update time, like the clinic: lastUpdated is its creation.
/** A staff member as a Practitioner: the name as they sign, their work e-mail. */
export function toPractitioner(row: StaffRow): Practitioner {
  return {
    resourceType: 'Practitioner',
    id: row.id,
    meta: versionedMeta(row.version, row.created_at),
    active: row.is_active,
    name: [{ use: 'official', text: row.display_name }],
    telecom: [{ system: 'email', value: row.email, use: 'work' }],
  }
}

/** A staff member's role in one clinic (a membership) as a PractitionerRole. */
export function toPractitionerRole(row: MembershipRow, staff: StaffRow): PractitionerRole {
  return {
    resourceType: 'PractitionerRole',
    id: row.id,
    meta: versionedMeta(row.version, row.created_at),
    active: row.is_active && staff.is_active,
    practitioner: ref('Practitioner', row.user_id, staff.display_name),
    organization: ref('Organization', row.clinic_id),
    code: [{ coding: [{ system: staffRoleSystem, code: row.role, display: roleLabels[row.role] }] }],
    location: [ref('Location', row.clinic_id)],
  }
}
