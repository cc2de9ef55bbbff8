import { doseDrawBody } from '../../../../contract/session-actions'
import { AppError } from '../../../errors'
import { dispenseForSession } from '../../ledger/session-dose'
import { defineAction, stateConflict } from './define'
import { addEvent } from './session-writes'

/**
 * Drawing the dose: a `dispense` entry against a controlled-substance lot, in the same transaction
 * as the session record (issue 5 item 4; the ledger checks expiry, balance and that the lot's
 * concentration is the one the dose was calculated with). What is given is recorded when delivery
 * ends (delivery.ts), from the pump record.
 */
export const doseDraw = defineAction({
  name: 'dose-draw',
  path: '/dose/draw',
  summary:
    'Draw the checked dose from a controlled-substance lot: a dispense entry; the lot must have the concentration the dose was calculated with',
  body: doseDrawBody,
  permission: 'ledger:write',
  audit: 'sessions.dose-drawn',
  refuseState: stateConflict(
    (state) => `The dose is drawn before or during dosing; this session is ${state}.`,
  ),
  run: async (scope, view, input) => {
    if (view.session.route !== 'iv')
      throw new AppError(
        'conflict',
        'Esketamine devices are drawn one by one: give the lot with each device.',
      )
    if (view.dose.plannedDoseMg === null || !view.dose.checkedBy)
      throw new AppError('conflict', 'Set the dose and have it checked before drawing it.')
    if (view.dose.drawnFromLots.length > 0)
      throw new AppError('conflict', 'The dose for this session is already drawn.')
    // The lot's concentration must be the one the dose was calculated with (issue 14 B).
    const entry = await dispenseForSession(scope, {
      lotId: input.lotId,
      quantity: String(view.dose.plannedDoseMg),
      sessionId: view.session.id,
      patientId: view.patient.id,
      concentrationMgPerMl: view.dose.vialMgPerMl === null ? null : String(view.dose.vialMgPerMl),
    })
    await addEvent(scope, view.session.id, 'dose-drawn', {
      lotId: input.lotId,
      quantityMg: view.dose.plannedDoseMg,
      concentrationMgPerMl: view.dose.vialMgPerMl,
      ledgerEntryId: entry.entryId,
      lotBalanceAfterMg: entry.balanceAfter,
    })
    return { lotId: input.lotId, ledgerEntryId: entry.entryId }
  },
})
