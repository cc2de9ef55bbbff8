import { deviceBody } from '../../../../contract/session-actions'
import { minutesBetweenDevices } from '../../../../domain/dosing'
import { AppError } from '../../../errors'
import { recordAdministration } from '../../ledger/administer'
import { requireRemsRecords } from '../../rems/service'
import { checkChairSideTime, momentsOf } from '../chair-side-time'
import { defineAction, stateConflict } from './define'
import { addEvent } from './session-writes'

/** An esketamine device used, at least 5 minutes after the one before (§3), from its lot. */
export const device = defineAction({
  name: 'device',
  path: '/devices',
  summary: 'An esketamine device used (5 minutes apart)',
  body: deviceBody,
  permission: 'clinical:write',
  refuseState: stateConflict(() => 'Devices are recorded while the session is in dosing.'),
  run: async (scope, view, input) => {
    if (view.session.route !== 'intranasal' || !view.devices)
      throw new AppError('conflict', 'Devices are recorded in esketamine sessions once the dose is set.')
    // REMS hard stop (clinical-reference §3), checked again at the device: a record can be
    // corrected between the dose being set and given.
    await requireRemsRecords(scope.tx, scope.clinicId, view.patient.id, 'dosed')
    if (view.devices.isComplete)
      throw new AppError(
        'conflict',
        `All ${view.devices.plan.deviceCount} devices of this dose are recorded.`,
      )
    const at = input.at ?? scope.now
    checkChairSideTime(input.at, scope.now, 'at', momentsOf(view.timeline), 'pre-checks')
    if (view.devices.nextAllowedAt && at < view.devices.nextAllowedAt) {
      throw new AppError(
        'conflict',
        `Wait ${minutesBetweenDevices} minutes between devices: the next is due at ${view.devices.nextAllowedAt.toISOString()}.`,
        { extra: { nextAllowedAt: view.devices.nextAllowedAt } },
      )
    }
    let ledgerEntryId: string | null = null
    if (input.lotId) {
      // One device is 28 mg of esketamine (clinical-reference §3), drawn from its lot.
      const entry = await recordAdministration(scope, {
        lotId: input.lotId,
        quantity: '28',
        sessionId: view.session.id,
        patientId: view.patient.id,
        at,
      })
      ledgerEntryId = entry.entryId
    }
    const number = view.devices.given.length + 1
    await addEvent(
      scope,
      view.session.id,
      'device',
      { number, lotId: input.lotId ?? null, ledgerEntryId },
      at,
    )
    return { device: number }
  },
})
