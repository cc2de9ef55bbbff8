import type { Permission } from '../../../domain/access/permissions'
import { type LedgerSettings, parseQuantity, type Quantity, ZERO } from '../../../domain/ledger'
import { type ClinicScope, runInClinic } from '../../clinic-scope'
import { loadClinicSettings } from '../../clinic-settings'
import type { AppContext } from '../../context'
import { AppError } from '../../errors'
import type { Principal } from '../../principal'
import { localDate } from './clinic-time'

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

export async function withLedgerContext<T>(
  scope: ClinicScope,
  work: (scope: LedgerScope) => Promise<T>,
): Promise<T> {
  const clinic = await scope.tx
    .selectFrom('clinic')
    .select('time_zone')
    .where('id', '=', scope.clinicId)
    .executeTakeFirstOrThrow()
  const settings = await loadClinicSettings(scope.tx, scope.clinicId)
  return work({
    ...scope,
    timeZone: clinic.time_zone,
    settings: settings.ledger,
    today: localDate(scope.now, clinic.time_zone),
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
