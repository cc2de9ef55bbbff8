import type { EctHistory } from './thase-rush'

export type EpisodeSeverity = 'subsyndromal' | 'mild' | 'moderate' | 'severe' | 'severe-psychotic'

export interface MaudsleyInput {
  episodeDurationMonths: number
  severity: EpisodeSeverity
  failedAntidepressantCount: number
  hasAugmentation: boolean
  ect: EctHistory
}

export interface MaudsleyParts {
  durationPoints: number
  severityPoints: number
  failedAntidepressantPoints: number
  augmentationPoints: number
  ectPoints: number
}

export type MaudsleyBand = 'mild' | 'moderate' | 'severe'

export interface MaudsleyResult {
  total: number
  parts: MaudsleyParts
  band: MaudsleyBand
  reasons: string[]
}

// All point tables: Maudsley Staging Method, BMC Psychiatry 2018, table 3 (§1, ✅).
const SEVERITY_POINTS: Record<EpisodeSeverity, number> = {
  subsyndromal: 1,
  mild: 2,
  moderate: 3,
  severe: 4,
  'severe-psychotic': 5,
}

function pointsForDuration(months: number): number {
  if (months <= 12) return 1
  if (months <= 24) return 2
  return 3
}

function pointsForFailures(count: number): number {
  if (count === 0) return 0
  if (count <= 2) return 1
  if (count <= 4) return 2
  if (count <= 6) return 3
  if (count <= 10) return 4
  return 5
}

function bandForTotal(total: number): MaudsleyBand {
  if (total <= 6) return 'mild' // 3–6
  if (total <= 10) return 'moderate' // 7–10
  return 'severe' // 11–15
}

export function scoreMaudsley(input: MaudsleyInput): MaudsleyResult {
  const parts: MaudsleyParts = {
    durationPoints: pointsForDuration(input.episodeDurationMonths),
    severityPoints: SEVERITY_POINTS[input.severity],
    failedAntidepressantPoints: pointsForFailures(input.failedAntidepressantCount),
    augmentationPoints: input.hasAugmentation ? 1 : 0,
    ectPoints: input.ect.used ? 1 : 0,
  }
  const total = Object.values(parts).reduce((sum, points) => sum + points, 0)
  const band = bandForTotal(total)
  const reasons = [
    `Episode duration ${input.episodeDurationMonths} months: ${parts.durationPoints} (≤ 12 → 1, 13–24 → 2, > 24 → 3).`,
    `Severity ${input.severity}: ${parts.severityPoints}.`,
    input.failedAntidepressantCount === 0
      ? 'No failed adequate antidepressant trial: 0 (the method assumes at least one failure).'
      : `${input.failedAntidepressantCount} failed adequate antidepressant trial(s): ${parts.failedAntidepressantPoints}.`,
    input.hasAugmentation ? 'Augmentation used: +1.' : 'No augmentation: 0.',
    input.ect.used ? 'ECT used: +1.' : 'No ECT: 0.',
    `Total ${total}: ${band} (mild 3–6, moderate 7–10, severe 11–15).`,
  ]
  return { total, parts, band, reasons }
}
