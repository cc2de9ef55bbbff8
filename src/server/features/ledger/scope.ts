import type { Permission } from '../../../domain/access/permissions'
import { type LedgerSettings, parseQuantity, type Quantity, ZERO } from '../../../domain/ledger'
import { clinicDateOf } from '../../../domain/time'
import { appendAudit } from '../../audit/append-audit'
import { type ClinicScope, clinicService, runInClinic } from '../../clinic-scope'
import { clinicTimeZone, loadClinicSettings } from '../../clinic-settings'
import type { AppContext } from '../../context'
import { AppError } from '../../errors'
import type { Principal } from '../../principal'
import { inClinicTransaction } from '../../tenancy'

export interface LedgerScope extends ClinicScope {
  timeZone: string
  settings: LedgerSettings
  /** Today's date where the clinic is. */
  today: string
}

/** runInClinic plus what every ledger operation needs: the clinic's time zone and ledger settings. */
export function runInLedger<T>(
  ctx: AppContext,
  principal: Principal,
  clinicId: string,
  request: { permission: Permission; action: string; entity?: string },
  work: (scope: LedgerScope) => Promise<T>,
): Promise<T> {
  return runInClinic(
    ctx,
    principal,
    {
      clinicId,
      permission: request.permission,
      action: request.action,
      entity: request.entity ?? 'cs_entry',
    },
    async (scope) => withLedgerContext(scope, work),
  )
}

/** clinicService for the ledger: `work` gets the ledger scope (time zone, settings, today). */
export function ledgerOperation<A extends unknown[], T>(
  request: { permission: Permission; action: string; entity?: string },
  work: (scope: LedgerScope, ...args: A) => Promise<T>,
) {
  return clinicService({ ...request, entity: request.entity ?? 'cs_entry' }, (scope, ...args: A) =>
    withLedgerContext(scope, (ledger) => work(ledger, ...args)),
  )
}

export async function withLedgerContext<T>(
  scope: ClinicScope,
  work: (scope: LedgerScope) => Promise<T>,
): Promise<T> {
  const timeZone = await clinicTimeZone(scope.tx, scope.clinicId)
  const settings = await loadClinicSettings(scope.tx, scope.clinicId)
  return work({
    ...scope,
    timeZone,
    settings: settings.ledger,
    today: clinicDateOf(scope.now, timeZone),
  })
}

export function invalidField(field: string, message: string): AppError {
  return new AppError('validation-failed', `${field} ${message}.`, { fieldErrors: [{ field, message }] })
}

/** A quantity in mg that must be greater than zero. */
export function positiveMg(text: string, field = 'quantity'): Quantity {
  const q = parseQuantity(text, field)
  if (q <= ZERO) throw invalidField(field, 'must be greater than zero')
  return q
}

/**
 * Read-only ledger work for the command line (reports), inside the clinic's row-level-secured
 * transaction like a request, audited as "ketacare cli". It has no user behind it, so it must never
 * be given to a service that writes entries.
 */
export function runAsCli<T>(
  ctx: AppContext,
  clinicId: string,
  work: (scope: LedgerScope) => Promise<T>,
): Promise<T> {
  const now = ctx.now()
  return inClinicTransaction(ctx, clinicId, (tx) =>
    withLedgerContext(
      {
        tx,
        clinicId,
        now,
        secrets: ctx.secrets,
        principal: {
          userId: '',
          email: 'ketacare cli',
          displayName: 'ketacare cli',
          sessionId: 'cli',
          memberships: [],
          ip: null,
        },
        membership: { clinicId, clinicName: '', organizationName: '', role: 'auditor' },
        audit: (event) =>
          appendAudit(
            tx,
            {
              clinicId,
              actorUserId: null,
              actorEmail: 'ketacare cli',
              outcome: 'success',
              action: event.action,
              entity: event.entity,
              entityId: event.entityId ?? null,
              detail: event.detail ?? null,
            },
            now,
          ),
      },
      work,
    ),
  )
}
