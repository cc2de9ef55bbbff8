import { Paper, Text } from '@mantine/core'
import type { VitalsMeasure } from '../../../domain/session'
import type { SessionView } from '../../api/sessions'
import { useNow } from '../../components/use-now'
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

/** The countdown box: blue while routine, orange for a recheck, red when overdue. */
export function NextVitalsTimer({ view }: { view: SessionView }) {
  const nowMs = useNow()
  const next = nextVitalsOf(view, nowMs)
  if (!next) return null
  const background = next.isOverdue ? 'red.7' : next.isRecheck ? 'orange.1' : 'blue.0'
  const color = next.isOverdue ? 'white' : next.isRecheck ? 'orange.9' : 'blue.9'
  return (
    <Paper
      px="md"
      py={4}
      radius="md"
      bg={background}
      c={color}
      role="timer"
      aria-label={`${next.label} ${next.text}`}
    >
      <Text size="xs" fw={700} tt="uppercase">
        {next.label}
      </Text>
      <Text fz={28} fw={800} lh={1.1}>
        {next.text}
      </Text>
    </Paper>
  )
}
