import { inAuditedClinicTransaction, type ScopeAudit } from './clinic-scope'
import type { AppContext, Tx } from './context'
import { AppError } from './errors'
import { inOwnerTransaction } from './tenancy'

/** Who the audit trail names for writes by a member of the public (no sign-in, no user id). */
export const publicActor = 'public self-check'

export interface PublicClinicScope {
  tx: Tx
  clinicId: string
  now: Date
  audit: ScopeAudit
}

/**
 * runInClinic for a request with no principal (a referral from the public self-check): the clinic
 * must exist, then `work` runs under the same row-level-secured role and clinic setting as staff
 * requests, and its audit events join the clinic's chain as 'public self-check' from the caller's
 * address. There is no permission to check, so the caller must expose only narrow writes.
 */
export async function runPublicInClinic<T>(
  ctx: AppContext,
  request: { clinicId: string; ip: string | null },
  work: (scope: PublicClinicScope) => Promise<T>,
): Promise<T> {
  const clinic = await inOwnerTransaction(ctx, (tx) =>
    tx.selectFrom('clinic').select('id').where('id', '=', request.clinicId).executeTakeFirst(),
  )
  if (!clinic) {
    throw new AppError('validation-failed', 'Choose a clinic from the list.', {
      fieldErrors: [{ field: 'clinicId', message: 'no such clinic' }],
    })
  }
  return inAuditedClinicTransaction(
    ctx,
    request.clinicId,
    { userId: null, email: publicActor, ip: request.ip },
    (tx, now, audit) => work({ tx, clinicId: request.clinicId, now, audit }),
  )
}
