import { infusionBody } from '../../../../contract/session-actions'
import { summarizeInfusion } from '../../../../domain/session'
import { AppError } from '../../../errors'
import { checkChairSideTime, momentsOf } from '../chair-side-time'
import { defineAction, stateConflict } from './define'
import { infusionMarksOf, settleDelivered } from './delivery'
import { addEvent } from './session-writes'

/** The pump record: start, pause, resume, stop, each at the time it happened. */
export const infusion = defineAction({
  name: 'infusion',
  path: '/infusion',
  summary: 'Pump record: start, pause, resume, stop',
  body: infusionBody,
  permission: 'clinical:write',
  audit: (input) => `sessions.infusion-${input.action}`,
  refuseState: stateConflict(() => 'The infusion is charted while the session is in dosing.'),
  run: async (scope, view, input) => {
    if (view.session.route !== 'iv')
      throw new AppError('conflict', 'This is an esketamine session: record devices, not an infusion.')
    if (!view.dose.checkedBy)
      throw new AppError('conflict', 'The dose has not been checked by a second person.')
    const at = input.at ?? scope.now
    checkChairSideTime(input.at, scope.now, 'at', momentsOf(view.timeline), 'pre-checks')
    // Validates the sequence (a pause while paused, a stop before start, …) and names the problem.
    const summary = summarizeInfusion(
      [...infusionMarksOf(view), { action: input.action, atMs: at.getTime() }],
      view.dose.rateMgPerMin!,
      view.dose.plannedDoseMg!,
      scope.now.getTime(),
    )
    await addEvent(scope, view.session.id, 'infusion', { action: input.action }, at)
    // A stopped pump ends delivery: the ledger records what it gave, and the rest is owed as waste.
    if (input.action === 'stop') await settleDelivered(scope, view, summary)
    return { action: input.action }
  },
})
