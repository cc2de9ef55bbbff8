import type { VitalsMeasure } from '../../../domain/session'
import type { SessionView } from '../../api/sessions'
import { type Countdown, countdown } from '../../lib/clock-format'

// The next-vitals timer: the server's due time is already the earlier of the routine interval
// and the recheck an open alert asks for (§2 ⚠️); when it is the recheck, the timer says so.

const recheckLabels: Record<VitalsMeasure, string> = {
  'blood-pressure': 'BP recheck',
  'heart-rate': 'Heart-rate recheck',
  spo2: 'SpO₂ recheck',
  moaas: 'Sedation recheck',
}

export interface NextVitals extends Countdown {
  /** "Next vitals" or, when an alert's recheck comes first, "BP recheck". */
  label: string
  dueAtMs: number
  isRecheck: boolean
}

export function nextVitalsOf(view: SessionView, nowMs: number): NextVitals | null {
  const due = view.nextVitalsDue
  if (!due?.dueAt) return null
  const dueAtMs = Date.parse(due.dueAt)
  return {
    ...countdown(dueAtMs, nowMs),
    dueAtMs,
    label: due.recheck ? recheckLabels[due.recheck.measure] : 'Next vitals',
    isRecheck: due.recheck !== null && due.recheck !== undefined,
  }
}
