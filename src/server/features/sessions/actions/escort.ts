import { escortBody } from '../../../../contract/session-actions'
import { defineAction } from './define'
import { addEvent, saveSession } from './session-writes'

export const escort = defineAction({
  name: 'escort',
  path: '/escort',
  summary: 'Escort present (or not) for discharge',
  body: escortBody,
  permission: 'clinical:write',
  run: async (scope, view, input) => {
    await saveSession(scope, view, {
      is_escort_present: input.isPresent,
      ...(input.name ? { escort_name: input.name } : {}),
    })
    await addEvent(scope, view.session.id, 'escort', {
      isPresent: input.isPresent,
      name: input.name ?? view.session.escortName,
    })
    return { isPresent: input.isPresent }
  },
})
