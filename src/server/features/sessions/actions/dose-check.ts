import { doseCheckBody } from '../../../../contract/session-actions'
import { signatureMeanings } from '../../../../domain/access/signature-meanings'
import { AppError } from '../../../errors'
import { signContent } from '../../auth/signature'
import { signAsWitness } from '../../ledger/witness'
import { defineAction } from './define'
import { addEvent, saveSession } from './session-writes'

/** The second person checks the calculation and signs it with their own credentials. */
export const doseCheck = defineAction({
  name: 'dose-check',
  path: '/dose/check',
  summary:
    'Second-person check of the dose: the signed-in user signs, or a colleague at this tablet signs as `checker` with their own password or code',
  body: doseCheckBody,
  permission: 'clinical:write',
  fingerprint: (input, principal) => ({ checker: input.checker?.userId ?? principal.userId }),
  run: async (scope, view, input) => {
    if (view.dose.plannedDoseMg === null) throw new AppError('conflict', 'Set the dose before it is checked.')
    const setBy = [...view.timeline].reverse().find((e) => e.kind === 'dose-set' && !e.enteredInError)
    const checkerId = input.checker?.userId ?? scope.principal.userId
    if (setBy && setBy.recordedById === checkerId) {
      throw new AppError('conflict', 'The dose must be checked by a second person, not by whoever set it.')
    }
    // Either the signed-in user checks on their own device, or a colleague checks on this
    // tablet and proves who they are with their own password or code (as a ledger witness does).
    const contentHash = input.checker
      ? (await signAsWitness(scope, input.checker, signatureMeanings.doseCheck, view.dose)).signatureHash
      : (await signContent(scope, scope.principal, input, signatureMeanings.doseCheck, view.dose)).contentHash
    await saveSession(scope, view, { dose_checked_by: checkerId, dose_checked_at: scope.now })
    await addEvent(scope, view.session.id, 'dose-check', {
      contentHash,
      plannedDoseMg: view.dose.plannedDoseMg,
      checkedBy: checkerId,
    })
    return undefined
  },
})
