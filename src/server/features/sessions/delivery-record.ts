import { devicesForDose, minutesBetweenDevices } from '../../../domain/dosing'
import {
  type InfusionMark,
  isActionAllowed,
  nextVitalsDue,
  type SessionState,
  summarizeInfusion,
  type VitalsSettings,
  withAlertRecheck,
} from '../../../domain/session'
import type { SessionRow } from './store'
import { isUnresolved, type SessionAlert, toReading, type VitalRow } from './vitals-alerts'

// How the dose went in, from the session row and its live events: the pump record (IV) or the
// devices (esketamine), when the dose started and ended, and when the next vital signs are due.
// The session view and the vitals hot path both shape their reply with these.

const minuteMs = 60_000

export interface DeliveryEvent {
  kind: string
  at: Date
  payload: unknown
}

type DeliverySession = Pick<SessionRow, 'route' | 'planned_dose_mg' | 'infusion_min'>

export function deliveryOf(session: DeliverySession, live: readonly DeliveryEvent[], nowMs: number) {
  const plannedDoseMg = session.planned_dose_mg === null ? null : Number(session.planned_dose_mg)
  const infusionMin = session.infusion_min === null ? null : Number(session.infusion_min)
  const rateMgPerMin = plannedDoseMg !== null && infusionMin ? plannedDoseMg / infusionMin : null
  const marks: InfusionMark[] = live
    .filter((e) => e.kind === 'infusion')
    .map((e) => ({ action: (e.payload as { action: InfusionMark['action'] }).action, atMs: e.at.getTime() }))
  const infusion =
    session.route === 'iv' && plannedDoseMg !== null && rateMgPerMin !== null
      ? summarizeInfusion(marks, rateMgPerMin, plannedDoseMg, nowMs)
      : null
  const deviceEvents = live.filter((e) => e.kind === 'device')
  const devicePlan =
    session.route === 'intranasal' && plannedDoseMg !== null ? devicesForDose(plannedDoseMg) : null
  const lastDevice = deviceEvents.at(-1)
  const devices = devicePlan
    ? {
        plan: devicePlan,
        given: deviceEvents.map((e, i) => ({
          number: i + 1,
          at: e.at,
          lotId: (e.payload as { lotId?: string }).lotId ?? null,
        })),
        nextAllowedAt: lastDevice
          ? new Date(lastDevice.at.getTime() + minutesBetweenDevices * minuteMs)
          : null,
        isComplete: deviceEvents.length >= devicePlan.deviceCount,
      }
    : null
  const isIv = session.route === 'iv'
  return {
    plannedDoseMg,
    infusionMin,
    rateMgPerMin,
    infusion,
    devices,
    doseStartedAtMs: isIv ? (infusion?.runs[0]?.startMs ?? null) : (deviceEvents[0]?.at.getTime() ?? null),
    doseEndedAtMs: isIv
      ? (infusion?.endedAtMs ?? null)
      : devices?.isComplete
        ? lastDevice!.at.getTime()
        : null,
    isDoseAdministered: isIv
      ? infusion !== null &&
        (infusion.status === 'completed' || (infusion.status === 'stopped' && infusion.doseGivenMg > 0))
      : Boolean(devices?.isComplete),
    // One esketamine device is 28 mg (clinical-reference §3).
    doseGivenMg: isIv ? (infusion?.doseGivenMg ?? 0) : deviceEvents.length * 28,
  }
}

export type Delivery = ReturnType<typeof deliveryOf>

/**
 * When the next vital signs are due: the routine interval after the dose started, or an open
 * alert's recheck when that is earlier (§2 ⚠️); null once the patient has left the chair.
 */
export function nextVitalsDueOf(input: {
  session: { route: SessionRow['route']; state: SessionState }
  delivery: Pick<Delivery, 'doseStartedAtMs' | 'doseEndedAtMs'>
  vitals: readonly VitalRow[]
  alerts: readonly SessionAlert[]
  settings: VitalsSettings
}) {
  const { session, delivery, settings } = input
  if (!isActionAllowed('vitals', session.state)) return null
  const { doseStartedAtMs, doseEndedAtMs } = delivery
  const routineDue =
    doseStartedAtMs === null
      ? null
      : nextVitalsDue(
          {
            route: session.route,
            doseStartedAtMs,
            ...(session.route === 'iv' && doseEndedAtMs !== null ? { infusionEndedAtMs: doseEndedAtMs } : {}),
            readings: intraReadingsOf(input.vitals, doseStartedAtMs),
          },
          settings,
        )
  const due = withAlertRecheck(routineDue, input.alerts.filter(isUnresolved))
  return due
    ? {
        dueAt: due.dueAtMs === null ? null : new Date(due.dueAtMs),
        reason: due.reason,
        prompts: due.prompts ?? [],
        /** Set when the time is an alert's recheck (the timer says "BP recheck"). */
        recheck: due.recheck ?? null,
      }
    : null
}

/** The live readings of the session from the dose's start (none before it started). */
export function intraReadingsOf(vitals: readonly VitalRow[], doseStartedAtMs: number | null) {
  if (doseStartedAtMs === null) return []
  return vitals
    .filter((v) => !v.entered_in_error_at && v.context !== 'intake')
    .map(toReading)
    .filter((r) => r.takenAtMs >= doseStartedAtMs)
}
