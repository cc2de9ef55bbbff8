import type { DoseLimit } from '../../../domain/dosing'

/** What the latest dose calculation recorded about the §2 limits (dose-set event payload `limits`). */
interface RecordedLimits {
  dosingWeightKg: number
  basisWeightKg: number
  isCappedAtActual: boolean
  doseMgPerKgOfActual: number
  ceilingMgPerKg: number
  ceilingMg: number
  isAboveCeiling: boolean
  limitsExceeded: DoseLimit[]
  coveredByPlanOverride: DoseLimit[]
  overrideEventId: string | null
}

interface EventRow {
  id: string
  kind: string
  at: Date
  payload: unknown
  recorded_by_name: string | null
}

/**
 * The §2 check of the current dose for the chair-side view and the second-person check: the
 * ceiling in mg and mg/kg of actual weight, whether it is exceeded, and the prescriber's signed
 * override when one was needed. Null for esketamine and before a dose is set.
 */
export function doseLimitsOf(live: readonly EventRow[]) {
  const set = [...live].reverse().find((e) => e.kind === 'dose-set')
  const recorded = (set?.payload as { limits?: RecordedLimits } | undefined)?.limits
  if (!recorded) return null
  const overrideEvent = recorded.overrideEventId
    ? live.find((e) => e.id === recorded.overrideEventId)
    : undefined
  const override = overrideEvent?.payload as
    | { reason: string; limits: DoseLimit[]; signerName: string; contentHash: string }
    | undefined
  return {
    ...recorded,
    override: override
      ? {
          reason: override.reason,
          limits: override.limits,
          signerName: override.signerName,
          at: overrideEvent!.at,
          contentHash: override.contentHash,
        }
      : null,
  }
}
