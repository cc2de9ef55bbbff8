import { dischargeBody } from '../../../../contract/session-actions'
import { signatureMeanings } from '../../../../domain/access/signature-meanings'
import { applyTransition } from '../../../../domain/session'
import { signContent } from '../../auth/signature'
import { requireNoWasteOwed } from '../../ledger/session-dose'
import { defineAction } from './define'
import { addEvent, saveSession, staleError } from './session-writes'
import { factsOf, noSuchTransition, notReadyError } from './transition'

/** Prescriber sign-off: readiness is re-checked at the moment of signing (design.md §6). */
export const discharge = defineAction({
  name: 'discharge',
  path: '/discharge',
  summary: 'Prescriber discharge sign-off (criteria re-checked; signature)',
  body: dischargeBody,
  permission: 'clinical:sign',
  fingerprint: (input) => ({ version: input.version }),
  refuseState: noSuchTransition('discharge'),
  run: async (scope, view, input) => {
    if (view.session.version !== input.version) throw staleError()
    const result = applyTransition(view.session.state, 'discharge', factsOf(view))
    if (!result.isAllowed) throw notReadyError('discharge', result.blockedBy, view)
    // Issue 14 B: what was drawn and not given is wasted, witnessed, before the patient leaves.
    await requireNoWasteOwed(scope, view.session.id, 'discharge')
    const signature = await signContent(scope, scope.principal, input, signatureMeanings.discharge, {
      session: view.session,
      dose: view.dose,
      discharge: view.discharge,
      vitals: view.vitals,
    })
    await saveSession(scope, view, {
      state: 'discharged',
      discharged_at: scope.now,
      discharge_signed_by: signature.signedBy,
      discharge_signer_name: signature.signerName,
      discharge_content_hash: signature.contentHash,
    })
    await addEvent(scope, view.session.id, 'state', {
      from: view.session.state,
      to: 'discharged',
      event: 'discharge',
      contentHash: signature.contentHash,
    })
    return { contentHash: signature.contentHash }
  },
})
