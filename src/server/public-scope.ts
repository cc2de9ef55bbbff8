import type { CanonicalValue } from '../domain/ledger/hash-chain'
import { type AuditInput, appendAudit } from './audit/append-audit'
import type { AppContext, Tx } from './context'
import { AppError } from './errors'
import { inClinicTransaction, inOwnerTransaction } from './tenancy'

/** Who the audit trail names for writes by a member of the public (no sign-in, no user id). */
export const publicActor = 'public self-check'

export interface PublicClinicScope {
  tx: Tx
  clinicId: string
  now: Date
  audit: (event: {
    action: string
    entity: string
    entityId?: string | null
    detail?: Record<string, CanonicalValue>
  }) => Promise<void>
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
  const now = ctx.now()
  return inClinicTransaction(ctx, request.clinicId, async (tx) => {
    const events: AuditInput[] = []
    const result = await work({
      tx,
      clinicId: request.clinicId,
      now,
      audit: async (event) => {
        events.push({
          clinicId: request.clinicId,
          actorUserId: null,
          actorEmail: publicActor,
          outcome: 'success',
          ip: request.ip,
          entityId: event.entityId ?? null,
          action: event.action,
          entity: event.entity,
          detail: event.detail ?? null,
        })
      },
    })
    for (const event of events) await appendAudit(tx, event, now)
    return result
  })
}
