import { readyMomentBody } from '../../../../contract/session-actions'
import { AppError } from '../../../errors'
import { readyMomentKind } from '../view'
import { checkClinicalTime } from './clinical-time'
import { defineAction, stateConflict } from './define'
import { addEvent } from './session-writes'

/**
 * The nurse's own entry (or correction) of when the patient would have been ready to leave
 * without the 2-hour rule (REMS monitoring form, §3). The latest entry is the one on the form.
 */
export const readyMoment = defineAction({
  name: 'ready-without-time-rule',
  path: '/ready-without-time-rule',
  summary:
    'Esketamine REMS form (§3): the nurse enters or corrects when the patient would have been ready without the 2-hour rule',
  body: readyMomentBody,
  permission: 'clinical:write',
  refuseState: stateConflict((state) => `Record it during or after monitoring; this session is ${state}.`),
  run: async (scope, view, input) => {
    if (view.session.route !== 'intranasal')
      throw new AppError('conflict', 'This time is recorded for the esketamine REMS monitoring form.')
    checkClinicalTime(input.at, view, scope.now, view.session.dischargedAt)
    await addEvent(
      scope,
      view.session.id,
      readyMomentKind,
      { source: 'nurse', note: input.note ?? null },
      input.at,
    )
    return { at: input.at.toISOString() }
  },
})
