import type { Insertable } from 'kysely'
import type { ReferralStatus, ReferralTable } from '../../../db'
import type { Tx } from '../../context'

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
] as const

function selectReferrals(tx: Tx, clinicId: string) {
  return tx
    .selectFrom('referral')
    .leftJoin('app_user', 'app_user.id', 'referral.handled_by')
    .select([...referralColumns, 'app_user.display_name as handled_by_name'])
    .where('referral.clinic_id', '=', clinicId)
}

export type ReferralRow = Awaited<ReturnType<typeof findReferral>> & {}

export async function listReferrals(
  tx: Tx,
  clinicId: string,
  q: { status?: ReferralStatus | undefined; limit: number; offset: number },
) {
  let count = tx
    .selectFrom('referral')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('clinic_id', '=', clinicId)
  let rows = selectReferrals(tx, clinicId)
  if (q.status) {
    count = count.where('status', '=', q.status)
    rows = rows.where('referral.status', '=', q.status)
  }
  const [total, items] = await Promise.all([
    count.executeTakeFirstOrThrow(),
    rows
      .orderBy('referral.received_at', 'desc')
      .orderBy('referral.id', 'desc')
      .limit(q.limit)
      .offset(q.offset)
      .execute(),
  ])
  return { rows: items, total: Number(total.n) }
}

export function findReferral(tx: Tx, clinicId: string, referralId: string) {
  return selectReferrals(tx, clinicId).where('referral.id', '=', referralId).executeTakeFirst()
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
