import { readyMomentChartingStates } from '../../../../domain/session'
import type { ClinicScope } from '../../../clinic-scope'
import { readyMomentKind, type SessionView } from '../view'
import { addEvent } from './session-writes'

/**
 * REMS monitoring form (§3): "ready to leave without the 2-hour rule" is a moment recorded during
 * the session. The first write that leaves every criterion but the time rule met records it, in
 * its own transaction, at the clinical time the last of them became met; later writes never move
 * it (the nurse can enter a correction). Esketamine sessions after dosing only.
 */
export async function recordReadyMomentIfMet(scope: ClinicScope, view: SessionView): Promise<boolean> {
  if (view.session.route !== 'intranasal') return false
  if (!readyMomentChartingStates.includes(view.session.state)) return false
  const atMs = view.discharge?.readyWithoutObservationRuleAtMs ?? null
  if (atMs === null) return false
  const already = view.timeline.some(
    (e) =>
      e.kind === readyMomentKind &&
      !e.enteredInError &&
      (e.payload as { source?: string }).source === 'charting',
  )
  if (already) return false
  await addEvent(
    scope,
    view.session.id,
    readyMomentKind,
    {
      source: 'charting',
      criteria: view.discharge!.criteria.filter((c) => c.id !== 'observation-time').map((c) => c.id),
    },
    new Date(atMs),
  )
  return true
}
