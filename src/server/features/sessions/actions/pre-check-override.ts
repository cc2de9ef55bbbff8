import { preCheckOverrideBody } from '../../../../contract/session-actions'
import { signatureMeanings } from '../../../../domain/access/signature-meanings'
import { AppError } from '../../../errors'
import { signContent } from '../../auth/signature'
import { defineAction } from './define'
import { addEvent } from './session-writes'

/** A failed pre-check can be overridden by a prescriber, with a reason and a signature. */
export const preCheckOverride = defineAction({
  name: 'pre-check-override',
  path: '/pre-checks/override',
  summary: 'Prescriber override of failing pre-checks, with reason and signature',
  body: preCheckOverrideBody,
  permission: 'override:sign',
  fingerprint: (input) => ({ reason: input.reason }),
  run: async (scope, view, input) => {
    if (view.preChecks.status !== 'failed' && view.preChecks.status !== 'pending')
      throw new AppError('conflict', 'Nothing to override: the pre-checks are not failing.')
    const failing = view.preChecks.items
      .filter((i) => i.status !== 'pass')
      .map((i) => ({ id: i.id, detail: i.detail }))
    const signature = await signContent(scope, scope.principal, input, signatureMeanings.preCheckOverride, {
      sessionId: view.session.id,
      failing,
      reason: input.reason,
    })
    await addEvent(scope, view.session.id, 'pre-check-override', {
      reason: input.reason,
      failing,
      contentHash: signature.contentHash,
    })
    return { failing: failing.map((f) => f.id).join(',') }
  },
})
