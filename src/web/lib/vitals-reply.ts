import type { Wire } from '../../contract/common'
import type { vitalsReply } from '../../contract/session-actions'
import type { SessionView } from '../api/sessions'

// Recording a vital sign answers with a lean reply (the new reading and what it changes), not the
// whole view. The chair-side screen lays it over the view it has; the live stream or the next poll
// brings the rest (discharge readiness, the chart's timeline).

/** The reply as the web app reads it. */
export type VitalsReply = Wire<typeof vitalsReply>

/**
 * The view with the reply's reading, alerts, next vitals due and out-of-limit measures. A view that
 * already lists the reading was computed after it was stored (a pushed one) and is kept as it is.
 */
export function withVitalsReply(view: SessionView, reply: VitalsReply): SessionView {
  const { vital } = reply
  if (vital && view.vitals.some((v) => v.id === vital.id)) return view
  return {
    ...view,
    vitals: vital
      ? [...view.vitals, vital].sort((a, b) => Date.parse(a.measuredAt) - Date.parse(b.measuredAt))
      : view.vitals,
    alerts: reply.alerts,
    nextVitalsDue: reply.nextVitalsDue,
    abnormalVitals: { ...view.abnormalVitals, ...reply.abnormalVitals },
  }
}
