import { preChecksBody } from '../../../../contract/session-actions'
import { defineAction, stateConflict } from './define'
import { addEvent, saveSession } from './session-writes'

export const preChecks = defineAction({
  name: 'pre-checks',
  path: '/pre-checks',
  summary: 'Record the pre-check questions',
  body: preChecksBody,
  permission: 'clinical:write',
  refuseState: stateConflict(
    (state) => `Pre-checks are recorded after check-in, not while the session is ${state}.`,
  ),
  run: async (scope, view, form) => {
    await addEvent(scope, view.session.id, 'pre-check-form', {
      ...form,
      escortName: form.escortName ?? null,
      notes: form.notes ?? null,
    })
    if (form.escortName && form.escortName !== view.session.escortName)
      await saveSession(scope, view, { escort_name: form.escortName })
    return undefined
  },
})
