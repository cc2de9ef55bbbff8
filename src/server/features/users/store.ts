import { sql } from 'kysely'
import type { StaffRole } from '../../../domain/access/permissions'
import type { Tx } from '../../context'
import { type PageWindow, selectPage } from '../clinics/paging'

export interface ClinicUserRow {
  userId: string
  email: string
  displayName: string
  role: StaffRole
  isActive: boolean
  mfaEnrolled: boolean
  lastSignInAt: Date | null
  version: number
}

// Row-level security already limits membership to the request's clinic; the explicit clinic
// filter is the first of the two fences (design.md §2).
function clinicUsers(tx: Tx, clinicId: string) {
  return tx
    .selectFrom('membership as m')
    .innerJoin('app_user as u', 'u.id', 'm.user_id')
    .leftJoin('mfa_secret as s', 's.user_id', 'u.id')
    .where('m.clinic_id', '=', clinicId)
}

const clinicUserColumns = [
  'u.id as userId',
  'u.email',
  'u.display_name as displayName',
  'm.role',
  'm.is_active as isActive',
  sql<boolean>`s.confirmed_at IS NOT NULL`.as('mfaEnrolled'),
  'u.last_sign_in_at as lastSignInAt',
  'm.version',
] as const

export async function listClinicUsers(tx: Tx, clinicId: string, q: string | undefined, window: PageWindow) {
  let query = clinicUsers(tx, clinicId)
  if (q) {
    const pattern = `%${q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`
    query = query.where((eb) =>
      eb.or([eb('u.email', 'ilike', pattern), eb('u.display_name', 'ilike', pattern)]),
    )
  }
  const { rows, total } = await selectPage(query, window, (q) =>
    q.select(clinicUserColumns).orderBy('u.display_name').orderBy('u.id'),
  )
  return { rows: rows as ClinicUserRow[], total }
}

export async function findClinicUser(
  tx: Tx,
  clinicId: string,
  userId: string,
): Promise<ClinicUserRow | undefined> {
  const row = await clinicUsers(tx, clinicId)
    .where('u.id', '=', userId)
    .select(clinicUserColumns)
    .executeTakeFirst()
  return row as ClinicUserRow | undefined
}

export async function countActiveAdmins(tx: Tx, clinicId: string): Promise<number> {
  const row = await tx
    .selectFrom('membership')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('clinic_id', '=', clinicId)
    .where('role', '=', 'admin')
    .where('is_active', '=', true)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}
