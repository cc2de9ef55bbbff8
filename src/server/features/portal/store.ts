import type { Tx } from '../../context'
import { hashToken, randomToken, uuidv7 } from '../../ids'

// The portal's one-time links (an invite, a survey's magic link), shared by the portal's sign-in
// and the jobs that send them. Only the SHA-256 of a token is stored.

export const inviteDays = 7
export const magicLinkDays = 3

/** Stores a new token row of a patient and returns its id and the clear token (shown or sent once). */
export async function createToken(
  tx: Tx,
  clinicId: string,
  patientId: string,
  kind: 'invite' | 'survey',
  surveyId: string | null,
  expiresAt: Date,
  now: Date,
  resetApprovedBy: string | null = null,
) {
  const token = randomToken()
  const id = uuidv7(now.getTime())
  await tx
    .insertInto('portal_token')
    .values({
      id,
      clinic_id: clinicId,
      patient_id: patientId,
      kind,
      token_hash: hashToken(token),
      survey_id: surveyId,
      expires_at: expiresAt,
      used_at: null,
      created_at: now,
      reset_approved_by: resetApprovedBy,
    })
    .execute()
  return { id, token, expiresAt }
}

/**
 * Issues a new clear token for a token row at send time (the outbox keeps only the row's id): the
 * stored hash is replaced, so only the link in the e-mail being sent works. Null when the row was
 * used, replaced or has expired meanwhile.
 */
export async function reissueToken(
  tx: Tx,
  tokenId: string,
  now: Date,
): Promise<{ kind: 'invite' | 'survey'; token: string } | null> {
  const token = randomToken()
  const row = await tx
    .updateTable('portal_token')
    .set({ token_hash: hashToken(token) })
    .where('id', '=', tokenId)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .returning('kind')
    .executeTakeFirst()
  return row ? { kind: row.kind, token } : null
}
