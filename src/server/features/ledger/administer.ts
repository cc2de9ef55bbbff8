import { hasPermission } from '../../../domain/access/permissions'
import { formatQuantity, parseQuantity } from '../../../domain/ledger'
import type { ClinicScope } from '../../clinic-scope'
import { AppError } from '../../errors'
import { appendEntry } from './append-entry'
import { invalidField, type LedgerScope, positiveMg, withLedgerContext } from './scope'
import { refuseExpired } from './session-dose'
import { findLot, requirePatient, requireSession } from './store'

export interface AdministrationInput {
  lotId: string
  /** Decimal text, mg. */
  quantity: string
  sessionId: string
  patientId: string
  at?: Date
}

/**
 * For the sessions feature: records a dose given whole at once (an esketamine device, 28 mg, taken
 * from its lot when it is used) as an `administer` entry, inside the caller's transaction (so the
 * session and the ledger commit together). An infusion is drawn as a `dispense` and settled from
 * the pump record instead (session-dose.ts). Refuses
 * an expired lot, a lot from another clinic, a session of another patient, a role without
 * ledger:write, and a draw past the lot's balance (409 naming the lot and its balance).
 */
export function recordAdministration(
  scope: ClinicScope,
  input: AdministrationInput,
): Promise<{ entryId: string; balanceAfter: string }> {
  return administer(scope, input)
}

/** As recordAdministration; `sessionId` may be null only for history entered before sessions existed. */
export async function administer(
  scope: ClinicScope,
  input: Omit<AdministrationInput, 'sessionId'> & { sessionId: string | null },
): Promise<{ entryId: string; balanceAfter: string }> {
  if (!hasPermission(scope.membership.role, 'ledger:write'))
    throw new AppError(
      'forbidden',
      `Your role (${scope.membership.role}) does not allow ledger:write in this clinic.`,
    )
  return withLedgerContext(scope, async (ledger: LedgerScope) => {
    const lot = await findLot(ledger.tx, ledger.clinicId, input.lotId)
    const quantity = positiveMg(input.quantity)
    const at = input.at ?? ledger.now
    if (at.getTime() > ledger.now.getTime() + 5 * 60_000) throw invalidField('at', 'cannot be in the future')
    refuseExpired(lot, at, ledger.timeZone)
    await requirePatient(ledger.tx, ledger.clinicId, input.patientId)
    if (input.sessionId) await requireSession(ledger.tx, ledger.clinicId, input.sessionId, input.patientId)
    const { entry } = await appendEntry(ledger, {
      lot,
      kind: 'administer',
      quantity,
      at,
      sessionId: input.sessionId,
      patientId: input.patientId,
    })
    return { entryId: entry.id, balanceAfter: formatQuantity(parseQuantity(entry.balance_after)) }
  })
}
