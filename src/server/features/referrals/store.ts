import type { Insertable } from 'kysely'
import type { ReferralStatus, ReferralTable } from '../../../db'
import type { Tx } from '../../context'
import { type PageWindow, selectPage } from '../clinics/paging'

export async function insertReferral(tx: Tx, row: Insertable<ReferralTable>): Promise<void> {
  await tx.insertInto('referral').values(row).execute()
}

const referralColumns = [
  'referral.id',
  'referral.received_at',
  'referral.name',
  'referral.email',
  'referral.phone',
  'referral.preferred_contact',
  'referral.self_check',
  'referral.phq9_total',
  'referral.phq9_item9',
  'referral.is_urgent',
  'referral.consent_to_contact',
  'referral.status',
  'referral.handled_at',
  'referral.version',
  'app_user.display_name as handled_by_name',
] as const

// The handler's name comes from a left join on the user's key: one row per referral still.
function referralsOf(tx: Tx, clinicId: string) {
  return tx
    .selectFrom('referral')
    .leftJoin('app_user', 'app_user.id', 'referral.handled_by')
    .where('referral.clinic_id', '=', clinicId)
}

export type ReferralRow = Awaited<ReturnType<typeof findReferral>> & {}

export function listReferrals(
  tx: Tx,
  clinicId: string,
  status: ReferralStatus | undefined,
  window: PageWindow,
) {
  let query = referralsOf(tx, clinicId)
  if (status) query = query.where('referral.status', '=', status)
  return selectPage(query, window, (q) =>
    q.select(referralColumns).orderBy('referral.received_at', 'desc').orderBy('referral.id', 'desc'),
  )
}

export function findReferral(tx: Tx, clinicId: string, referralId: string) {
  return referralsOf(tx, clinicId)
    .select(referralColumns)
    .where('referral.id', '=', referralId)
    .executeTakeFirst()
}

/** Compare-and-set on version; false when someone else changed it first. */
export async function updateReferralStatus(
  tx: Tx,
  clinicId: string,
  referralId: string,
  change: { status: ReferralStatus; handledBy: string; handledAt: Date; version: number },
): Promise<boolean> {
  const result = await tx
    .updateTable('referral')
    .set({
      status: change.status,
      handled_by: change.handledBy,
      handled_at: change.handledAt,
      version: change.version + 1,
    })
    .where('clinic_id', '=', clinicId)
    .where('id', '=', referralId)
    .where('version', '=', change.version)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}
