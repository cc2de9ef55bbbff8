import { dissociationCheckBody } from '../../../../contract/session-actions'
import { AppError } from '../../../errors'
import { dissociationCheckKind } from '../view'
import { checkClinicalTime } from './clinical-time'
import { defineAction, stateConflict } from './define'
import { addEvent } from './session-writes'

/**
 * §3 ✅: the nurse's dissociation check during esketamine monitoring — resolved yes or no, at the
 * time observed. A charted observation (see DissociationCheck in the domain for why not a CADSS
 * cut-off); the latest check since the first device decides the discharge criterion.
 */
export const dissociationCheck = defineAction({
  name: 'dissociation-check',
  path: '/dissociation-check',
  summary: 'Esketamine (§3): the nurse records whether dissociation has resolved, at the time observed',
  body: dissociationCheckBody,
  permission: 'clinical:write',
  refuseState: stateConflict(
    (state) =>
      `The dissociation check is charted after the first device and before discharge; this session is ${state}.`,
  ),
  run: async (scope, view, input) => {
    if (view.session.route !== 'intranasal')
      throw new AppError('conflict', 'The dissociation check is part of esketamine monitoring.')
    const at = input.at ?? scope.now
    checkClinicalTime(at, view, scope.now)
    await addEvent(
      scope,
      view.session.id,
      dissociationCheckKind,
      { isResolved: input.isResolved, note: input.note ?? null },
      at,
    )
    return { isResolved: input.isResolved }
  },
})
