import { alertResolveBody } from '../../../../contract/session-actions'
import { AppError } from '../../../errors'
import { alertResolveKind } from '../vitals-alerts'
import { requireAlert } from './alert-ack'
import { defineAction } from './define'
import { addEvent } from './session-writes'

/** A clinician closes an alert that no later reading has (e.g. a reading entered in error). */
export const alertResolve = defineAction({
  name: 'alert-resolve',
  path: '/alerts/resolve',
  summary:
    'Resolve a monitoring alert explicitly (a later reading back within the limit resolves it on its own)',
  body: alertResolveBody,
  permission: 'clinical:write',
  run: async (scope, view, input) => {
    const alert = requireAlert(view, input.key)
    if (alert.resolved) throw new AppError('conflict', 'This alert is already resolved.')
    await addEvent(scope, view.session.id, alertResolveKind, {
      key: input.key,
      code: alert.code,
      note: input.note,
    })
    return { code: alert.code }
  },
})
