import type { Resource, ResourceType } from '@medplum/fhirtypes'
import { sql } from 'kysely'
import { toPractitioner, toPractitionerRole } from '../resources/practitioner'
import type { SearchRequest } from '../search-params'
import { commonConditions, isUuid, keysetPage } from '../sql-filters'
import { referenceSource, type SourceScope } from './source'

// Staff are installation-wide accounts (`app_user`, not row-level secured); a clinic sees only its
// members, so every query goes through `membership`, which row-level security fences to the clinic.

function staffOfClinic({ tx, clinicId }: SourceScope) {
  return tx
    .selectFrom('membership')
    .innerJoin('app_user', 'app_user.id', 'membership.user_id')
    .select([
      'membership.id as membership_id',
      'membership.clinic_id',
      'membership.role',
      'membership.is_active as membership_active',
      'membership.version as membership_version',
      'membership.created_at as membership_created_at',
      'app_user.id',
      'app_user.email',
      'app_user.display_name',
      'app_user.is_active',
      'app_user.version',
      'app_user.created_at',
    ])
    .where('membership.clinic_id', '=', clinicId)
}

type StaffMembershipRow = Awaited<ReturnType<ReturnType<typeof staffOfClinic>['execute']>>[number]

const roleOf = (row: StaffMembershipRow) =>
  toPractitionerRole(
    {
      id: row.membership_id,
      clinic_id: row.clinic_id,
      user_id: row.id,
      role: row.role,
      is_active: row.membership_active,
      version: row.membership_version,
      created_at: row.membership_created_at,
    },
    row,
  )

function page(scope: SourceScope, request: SearchRequest, idColumn: 'app_user.id' | 'membership.id') {
  const conditions = commonConditions(request, {
    id: sql.ref(idColumn),
    lastUpdated: sql.ref('app_user.created_at'),
  })
  return keysetPage(staffOfClinic(scope), conditions, request.count + 1, idColumn)
}

/** A source over the clinic's staff, one resource per row, found by `idColumn`. */
function staffSource(
  type: ResourceType,
  idColumn: 'app_user.id' | 'membership.id',
  toResource: (row: StaffMembershipRow) => Resource,
) {
  return referenceSource(
    type,
    async (scope, id) => {
      if (!isUuid(id)) return undefined
      const row = await staffOfClinic(scope).where(idColumn, '=', id).executeTakeFirst()
      return row && toResource(row)
    },
    async (scope, request) => (await page(scope, request, idColumn)).map(toResource),
  )
}

/** The clinic's staff members. */
export const practitionerSource = staffSource('Practitioner', 'app_user.id', toPractitioner)

/** Each staff member's role in the clinic. */
export const practitionerRoleSource = staffSource('PractitionerRole', 'membership.id', roleOf)
