import {
  type AlertAckAction,
  abnormalMeasures,
  evaluateIntraSessionVitals,
  type VitalsAlert,
  type VitalsMeasure,
  type VitalsReading,
  type VitalsSettings,
} from '../../../domain/session'

// The one computation of a session's monitoring alerts, used by the vitals hot path (actions.ts),
// the session view (view.ts) and through it the day's board: the domain rules over every reading
// of the session, with the clinicians' acknowledgements and explicit resolutions laid on top.

export const alertAckKind = 'alert-ack'
export const alertResolveKind = 'alert-resolve'

export interface VitalRow {
  id: string
  context: string
  measured_at: Date
  systolic_mmhg: number | null
  diastolic_mmhg: number | null
  heart_rate_bpm: number | null
  spo2_percent: number | null
  moaas: number | null
  entered_in_error_at: Date | null
}

export interface AlertEvent {
  kind: string
  at: Date
  payload: unknown
  recorded_by_name?: string | null
}

export function toReading(v: Omit<VitalRow, 'id' | 'context' | 'entered_in_error_at'>): VitalsReading {
  return {
    takenAtMs: v.measured_at.getTime(),
    ...(v.systolic_mmhg !== null ? { systolicMmHg: v.systolic_mmhg } : {}),
    ...(v.diastolic_mmhg !== null ? { diastolicMmHg: v.diastolic_mmhg } : {}),
    ...(v.heart_rate_bpm !== null ? { heartRateBpm: v.heart_rate_bpm } : {}),
    ...(v.spo2_percent !== null ? { spo2Percent: v.spo2_percent } : {}),
    ...(v.moaas !== null ? { moaasScore: v.moaas } : {}),
  }
}

export const alertKey = (a: Pick<VitalsAlert, 'code' | 'atMs'>) => `${a.code}@${a.atMs}`

export interface SessionAlert extends VitalsAlert {
  key: string
  acknowledged: {
    by: string | null
    at: Date
    actions: AlertAckAction[]
    note: string
    /** The recheck reading entered in the acknowledgement, charted as a normal vital sign. */
    recheckVitalId: string | null
  } | null
  /** By a later reading back within the limit, or by a clinician explicitly. */
  resolved: { at: Date; how: 'reading' | 'clinician'; by: string | null; note: string | null } | null
}

/**
 * Every alert of the session, oldest first: live (not entered-in-error) readings of any phase
 * except intake; `doseStartedAtMs` only words the suggested action (before the dose: do not start).
 */
export function sessionAlerts(input: {
  vitals: readonly VitalRow[]
  events: readonly AlertEvent[]
  doseStartedAtMs: number | null
  settings: VitalsSettings
}): SessionAlert[] {
  const readings = input.vitals.filter((v) => !v.entered_in_error_at && v.context !== 'intake').map(toReading)
  const byKey = (kind: string, key: string) =>
    input.events.find((e) => e.kind === kind && (e.payload as { key?: string }).key === key)
  return evaluateIntraSessionVitals(readings, input.settings, { doseStartedAtMs: input.doseStartedAtMs }).map(
    (a) => {
      const key = alertKey(a)
      const ack = byKey(alertAckKind, key)
      const resolve = byKey(alertResolveKind, key)
      const ackPayload = ack?.payload as
        | { actions?: AlertAckAction[]; note?: string; recheckVitalId?: string | null }
        | undefined
      const resolved: SessionAlert['resolved'] =
        a.resolvedAtMs !== null && (!resolve || a.resolvedAtMs <= resolve.at.getTime())
          ? { at: new Date(a.resolvedAtMs), how: 'reading', by: null, note: null }
          : resolve
            ? {
                at: resolve.at,
                how: 'clinician',
                by: resolve.recorded_by_name ?? null,
                note: (resolve.payload as { note?: string }).note ?? null,
              }
            : null
      return {
        ...a,
        // Resolved by a clinician: nothing more is owed for it.
        recheckByMs: resolved ? null : a.recheckByMs,
        key,
        acknowledged:
          ack && ackPayload
            ? {
                by: ack.recorded_by_name ?? null,
                at: ack.at,
                actions: ackPayload.actions ?? ['other'],
                note: ackPayload.note ?? '',
                recheckVitalId: ackPayload.recheckVitalId ?? null,
              }
            : null,
        resolved,
      }
    },
  )
}

/** Shown in the banner: not yet resolved (acknowledged ones stay, dimmed). */
export const isUnresolved = (a: SessionAlert) => a.resolved === null
/** Needs a clinician: neither acknowledged nor resolved. */
export const isOpen = (a: SessionAlert) => a.resolved === null && a.acknowledged === null

/** vital id → the measures of that reading outside the clinic's alert limits (only those with any). */
export function abnormalVitalsOf(
  vitals: readonly VitalRow[],
  settings: VitalsSettings,
): Record<string, VitalsMeasure[]> {
  const out: Record<string, VitalsMeasure[]> = {}
  for (const v of vitals) {
    if (v.entered_in_error_at) continue
    const flags = abnormalMeasures(toReading(v), settings)
    const measures: VitalsMeasure[] = [
      ...(flags.bloodPressure ? (['blood-pressure'] as const) : []),
      ...(flags.heartRate ? (['heart-rate'] as const) : []),
      ...(flags.spo2 ? (['spo2'] as const) : []),
      ...(flags.moaas ? (['moaas'] as const) : []),
    ]
    if (measures.length > 0) out[v.id] = measures
  }
  return out
}
