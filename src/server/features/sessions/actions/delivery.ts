import { type InfusionAction, type InfusionSummary, summarizeInfusion } from '../../../../domain/session'
import type { ClinicScope } from '../../../clinic-scope'
import { settleSessionDose } from '../../ledger/session-dose'
import type { SessionView } from '../view'
import { addEvent } from './session-writes'

/** The live pump marks of the session's record, oldest first. */
export function infusionMarksOf(view: SessionView) {
  return view.timeline
    .filter((e) => e.kind === 'infusion' && !e.enteredInError)
    .map((e) => ({ action: (e.payload as { action: InfusionAction }).action, atMs: e.at.getTime() }))
}

/** The ledger records as given what the pump record delivered (issue 14 B); the rest is owed. */
export async function settleDelivered(
  scope: ClinicScope,
  view: SessionView,
  summary: InfusionSummary | null,
) {
  // A no-op when nothing was drawn from a lot for this session.
  if (view.session.route !== 'iv') return
  await settleSessionDose(scope, {
    sessionId: view.session.id,
    patientId: view.patient.id,
    deliveredMg: summary?.doseGivenMg ?? 0,
    at: summary?.endedAtMs ? new Date(summary.endedAtMs) : scope.now,
  })
}

/**
 * Dosing ends (finished, aborted or cancelled): a pump still running or paused is charted as
 * stopped now, so the record and the ledger agree on what was given.
 */
export async function endDelivery(scope: ClinicScope, view: SessionView): Promise<void> {
  const infusion = view.infusion
  if (view.session.route !== 'iv' || !infusion) return settleDelivered(scope, view, null)
  if (infusion.status !== 'running' && infusion.status !== 'paused')
    return settleDelivered(scope, view, infusion)
  const summary = summarizeInfusion(
    [...infusionMarksOf(view), { action: 'stop', atMs: scope.now.getTime() }],
    view.dose.rateMgPerMin!,
    view.dose.plannedDoseMg!,
    scope.now.getTime(),
  )
  await addEvent(scope, view.session.id, 'infusion', { action: 'stop', source: 'session ended' })
  await settleDelivered(scope, view, summary)
}
