import { sideEffectResolveBody } from '../../../../contract/session-actions'
import { AppError } from '../../../errors'
import { checkChairSideTime, momentsOf } from '../chair-side-time'
import { defineAction } from './define'

export const sideEffectResolve = defineAction({
  name: 'side-effect-resolve',
  path: '/side-effects/resolve',
  summary: 'Mark a side effect resolved',
  body: sideEffectResolveBody,
  permission: 'clinical:write',
  audit: 'sessions.side-effect-resolved',
  run: async (scope, view, input) => {
    checkChairSideTime(input.resolvedAt, scope.now, 'resolvedAt', momentsOf(view.timeline), 'check-in')
    const result = await scope.tx
      .updateTable('side_effect')
      .set({ resolved_at: input.resolvedAt ?? scope.now })
      .where('clinic_id', '=', scope.clinicId)
      .where('session_id', '=', view.session.id)
      .where('id', '=', input.sideEffectId)
      .where('resolved_at', 'is', null)
      .executeTakeFirst()
    if (result.numUpdatedRows === 0n)
      throw new AppError('not-found', 'No unresolved side effect with that id in this session.')
    return { sideEffectId: input.sideEffectId }
  },
})
