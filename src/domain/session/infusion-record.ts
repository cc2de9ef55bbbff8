import { DomainValidationError } from '../errors'

// The dose actually given is computed from what the nurse charted at the pump — start, pause,
// resume, stop — never typed in: running minutes × the programmed rate, capped at the planned
// dose, because the pump stops itself when the programmed volume is in (clinical-reference §2).

export const infusionActions = ['start', 'pause', 'resume', 'stop'] as const
export type InfusionAction = (typeof infusionActions)[number]
export const infusionStatuses = ['not-started', 'running', 'paused', 'completed', 'stopped'] as const
export type InfusionStatus = (typeof infusionStatuses)[number]

export interface InfusionMark {
  action: InfusionAction
  atMs: number
}

export interface InfusionSummary {
  status: InfusionStatus
  /** Intervals during which the pump ran (end clipped to completion or now). */
  runs: { startMs: number; endMs: number }[]
  runningMin: number
  doseGivenMg: number
  remainingMg: number
  /** When the planned dose will be in if the pump keeps running (null unless running). */
  expectedEndMs: number | null
  /** When delivery ended: stop, or the moment the planned dose completed. */
  endedAtMs: number | null
}

const allowedAfter: Record<InfusionStatus, readonly InfusionAction[]> = {
  'not-started': ['start'],
  running: ['pause', 'stop'],
  paused: ['resume', 'stop'],
  completed: [],
  stopped: [],
}

/** Which actions the pump record allows next (the chart shows only these buttons). */
export function nextInfusionActions(status: InfusionStatus): readonly InfusionAction[] {
  return allowedAfter[status]
}

export function summarizeInfusion(
  marks: readonly InfusionMark[],
  rateMgPerMin: number,
  plannedDoseMg: number,
  nowMs: number,
): InfusionSummary {
  if (!(rateMgPerMin > 0)) throw new DomainValidationError('rateMgPerMin', 'must be greater than zero')
  if (!(plannedDoseMg > 0)) throw new DomainValidationError('plannedDoseMg', 'must be greater than zero')
  const fullRunMs = (plannedDoseMg / rateMgPerMin) * 60_000
  const runs: { startMs: number; endMs: number }[] = []
  let status: InfusionStatus = 'not-started'
  let runStart: number | null = null
  let deliveredMs = 0
  let endedAtMs: number | null = null
  let lastAt = Number.NEGATIVE_INFINITY

  const closeRun = (atMs: number) => {
    const start = runStart!
    // The pump completes on its own once the planned volume is in.
    const completesAt = start + (fullRunMs - deliveredMs)
    const end = Math.min(atMs, completesAt)
    runs.push({ startMs: start, endMs: end })
    deliveredMs += end - start
    runStart = null
    if (end === completesAt && end <= atMs) {
      status = 'completed'
      endedAtMs = end
      return true
    }
    return false
  }

  for (const [i, mark] of marks.entries()) {
    if (mark.atMs < lastAt)
      throw new DomainValidationError(`marks[${i}].atMs`, 'must not be earlier than the previous mark')
    lastAt = mark.atMs
    if (status === 'running' && runStart !== null && runStart + (fullRunMs - deliveredMs) <= mark.atMs) {
      closeRun(mark.atMs)
    }
    if (!allowedAfter[status].includes(mark.action)) {
      throw new DomainValidationError(
        `marks[${i}].action`,
        `"${mark.action}" is not possible while the infusion is ${status}`,
      )
    }
    if (mark.action === 'start' || mark.action === 'resume') {
      runStart = mark.atMs
      status = 'running'
    } else if (mark.action === 'pause') {
      if (!closeRun(mark.atMs)) status = 'paused'
    } else {
      if (status === 'running') closeRun(mark.atMs)
      // closeRun may have completed the infusion (TypeScript cannot see the closure's assignment).
      if ((status as InfusionStatus) !== 'completed') {
        status = 'stopped'
        endedAtMs = mark.atMs
      }
    }
  }
  let expectedEndMs: number | null = null
  if (status === 'running' && runStart !== null) {
    const completesAt = runStart + (fullRunMs - deliveredMs)
    if (completesAt <= nowMs) {
      closeRun(completesAt)
    } else {
      runs.push({ startMs: runStart, endMs: nowMs })
      deliveredMs += nowMs - runStart
      expectedEndMs = completesAt
    }
  }
  const runningMin = deliveredMs / 60_000
  const doseGivenMg = Math.min(plannedDoseMg, Math.round(runningMin * rateMgPerMin * 1000) / 1000)
  return {
    status,
    runs,
    runningMin,
    doseGivenMg,
    remainingMg: Math.max(0, Math.round((plannedDoseMg - doseGivenMg) * 1000) / 1000),
    expectedEndMs,
    endedAtMs,
  }
}
