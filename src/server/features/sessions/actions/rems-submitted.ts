import { remsSubmittedBody } from '../../../../contract/session-actions'
import { AppError } from '../../../errors'
import { defineAction } from './define'
import { addEvent, saveSession } from './session-writes'

const notAForm = () =>
  new AppError('conflict', 'The REMS monitoring form is for discharged esketamine sessions.')

/** Records the fields the chart does not hold and that the form was sent to the REMS program. */
export const remsSubmitted = defineAction({
  name: 'rems-submitted',
  path: '/rems/submitted',
  summary: 'Record the REMS monitoring form as submitted, with the fields the chart does not hold',
  body: remsSubmittedBody,
  permission: 'clinical:write',
  refuseState: notAForm,
  run: async (scope, view, input) => {
    if (view.session.route !== 'intranasal') throw notAForm()
    if (view.session.remsSubmittedAt) throw new AppError('conflict', 'Already recorded as submitted.')
    await addEvent(scope, view.session.id, 'rems-details', {
      enrolled: input.isEnrolled,
      concomitant: input.concomitant,
    })
    await saveSession(scope, view, {
      rems_submitted_at: scope.now,
      rems_submitted_by: scope.principal.userId,
    })
    return undefined
  },
})
