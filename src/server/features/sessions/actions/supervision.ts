import { emptyBody } from '../../../../contract/session-actions'
import { defineAction, stateConflict } from './define'
import { addEvent, saveSession } from './session-writes'

export const supervision = defineAction({
  name: 'supervision',
  path: '/supervision',
  summary: 'A prescriber records that they are supervising this session',
  body: emptyBody,
  permission: 'clinical:sign',
  audit: 'sessions.supervise',
  fingerprint: () => ({}),
  refuseState: stateConflict(() => 'This session has ended.'),
  run: async (scope, view) => {
    await saveSession(scope, view, { supervising_prescriber_id: scope.principal.userId })
    await addEvent(scope, view.session.id, 'supervision', {
      prescriberId: scope.principal.userId,
      name: scope.principal.displayName,
    })
    return undefined
  },
})
