import { DomainValidationError } from '../errors'
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

/**
 * A total of 3–15 with its band, or "not applicable" when no adequate trial failed: the
 * failed-medication item has no 0, so such a patient has no Maudsley stage (§1).
 */
export type MaudsleyResult =
  | { isApplicable: true; total: number; parts: MaudsleyParts; band: MaudsleyBand; reasons: string[] }
  | { isApplicable: false; total: null; parts: null; band: null; reasons: string[] }

/** How the result reads on screen and in the checklist: "7 (moderate)" or "not applicable". */
export function describeMaudsley(result: MaudsleyResult): string {
  return result.isApplicable ? `${result.total} (${result.band})` : 'not applicable'
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
  if (!(Number.isInteger(input.failedAntidepressantCount) && input.failedAntidepressantCount >= 0))
    throw new DomainValidationError('failedAntidepressantCount', 'must be a whole number ≥ 0')
  if (input.failedAntidepressantCount === 0)
    return {
      isApplicable: false,
      total: null,
      parts: null,
      band: null,
      reasons: [
        'Not applicable: no failed adequate antidepressant trial in the current episode, so the patient is not treatment-resistant and has no Maudsley stage (the failed-medication item has no 0; totals run 3–15).',
      ],
    }
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
    `${input.failedAntidepressantCount} failed adequate antidepressant trial(s): ${parts.failedAntidepressantPoints}.`,
    input.hasAugmentation ? 'Augmentation used: +1.' : 'No augmentation: 0.',
    input.ect.used ? 'ECT used: +1.' : 'No ECT: 0.',
    `Total ${total}: ${band} (mild 3–6, moderate 7–10, severe 11–15).`,
  ]
  return { isApplicable: true, total, parts, band, reasons }
}
