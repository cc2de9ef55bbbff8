import type { Tx } from '../../context'

export function listDisplays(tx: Tx, clinicId: string) {
  return tx
    .selectFrom('board_display as d')
    .innerJoin('app_user as u', 'u.id', 'd.created_by')
    .select([
      'd.id',
      'd.name',
      'd.created_at',
      'd.last_used_at',
      'd.revoked_at',
      'u.display_name as created_by_name',
    ])
    .where('d.clinic_id', '=', clinicId)
    .orderBy('d.created_at', 'desc')
    .execute()
}

/** Looked up by the owner role: the token names the clinic, so there is no clinic scope yet. */
export function findDisplayByTokenHash(tx: Tx, tokenHash: string) {
  return tx
    .selectFrom('board_display')
    .select(['id', 'clinic_id', 'name', 'revoked_at', 'last_audited_at'])
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst()
}
