import { emptyBody } from '../../../../contract/session-actions'
import { AppError } from '../../../errors'
import { defineAction, stateConflict } from './define'
import { addEvent } from './session-writes'

/**
 * The prescriber acknowledges the §3 pre-dose cautions found at intake (label 5.6, 7.1–7.3) for
 * this session; the event names them, so a caution added later needs a new acknowledgement.
 */
export const cautionsAck = defineAction({
  name: 'cautions-ack',
  path: '/cautions-ack',
  summary: 'A prescriber acknowledges the pre-dose cautions from the intake screen (clinical-reference §3)',
  body: emptyBody,
  permission: 'clinical:sign',
  fingerprint: () => ({}),
  refuseState: stateConflict(() => 'Pre-dose cautions are acknowledged during pre-checks, before dosing.'),
  run: async (scope, view) => {
    const ids = view.preChecks.cautions.items.map((c) => c.id)
    if (ids.length === 0)
      throw new AppError('conflict', 'Nothing to acknowledge: the intake screen found no pre-dose cautions.')
    await addEvent(scope, view.session.id, 'caution-ack', {
      cautions: ids,
      name: scope.principal.displayName,
    })
    return { cautions: ids.join(',') }
  },
})
