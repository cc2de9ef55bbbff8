import type { Protocol } from '../dosing/protocols'

// How close together two sessions of a course may be booked before a prescriber must override.
// §2 gives the studied cadences (3/week over 12 days; 2/week over 3 weeks) and §3 the esketamine
// label schedule (twice weekly in induction at most); the minimum gap derived from them is a
// ⚠️ unverified default: the cadence's day gap less half a day of scheduling slack.

export interface SpacingSettings {
  /** ⚠️ unverified default: hours of slack subtracted from the cadence's day gap (half a day). */
  schedulingSlackHours: number
}

export const defaultSpacingSettings: SpacingSettings = Object.freeze({ schedulingSlackHours: 12 })

const frequencyGapDays = { 'twice-weekly': 3, weekly: 7, 'every-2-weeks': 14 } as const

/** Minimum hours between two sessions of this protocol and cadence (an unverified default). */
export function minimumSpacingHours(
  protocol: Protocol,
  cadence: string,
  settings: SpacingSettings = defaultSpacingSettings,
): number {
  if (protocol.route === 'iv-infusion') {
    const c = protocol.cadences.find((x) => x.id === cadence) ?? protocol.cadences[0]!
    return Math.floor(7 / c.sessionsPerWeek) * 24 - settings.schedulingSlackHours
  }
  // The label schedule's most frequent phase is twice weekly (§3).
  const gapDays =
    cadence in frequencyGapDays
      ? frequencyGapDays[cadence as keyof typeof frequencyGapDays]
      : frequencyGapDays['twice-weekly']
  return gapDays * 24 - settings.schedulingSlackHours
}

export interface SpacingViolation {
  otherSessionAtMs: number
  gapHours: number
  minimumHours: number
}

/** The booked sessions (other than the one being placed) that are too close to `atMs`. */
export function findSpacingViolations(
  atMs: number,
  otherSessionsMs: readonly number[],
  minimumHours: number,
): SpacingViolation[] {
  return otherSessionsMs
    .map((other) => ({ otherSessionAtMs: other, gapHours: Math.abs(atMs - other) / 3_600_000, minimumHours }))
    .filter((v) => v.gapHours < minimumHours)
}
