import { DomainValidationError } from '../errors'

export interface OutcomeSettings {
  /** Response = at least this % reduction from baseline (§4, ✅: 50). */
  responseMinReductionPercent: number
  /** Remission = total at or below this, per instrument id; instruments not listed have none. */
  remissionMaxTotal: Readonly<Record<string, number>>
}

export const DEFAULT_OUTCOME_SETTINGS: OutcomeSettings = {
  responseMinReductionPercent: 50, // §4 "Outcome definitions" ✅
  remissionMaxTotal: {
    madrs: 10, // §4: MADRS ≤ 10 ✅ (some trials use ≤ 12: a clinic setting)
    phq9: 4, // §4: PHQ-9 < 5, i.e. ≤ 4 on its integer scale
    'qids-sr16': 5, // §4: QIDS-SR16 ≤ 5 ✅
    hamd17: 7, // §4: HAM-D17 ≤ 7 ✅
  },
}

export interface ScoreComparison {
  instrumentId: string
  baselineTotal: number
  currentTotal: number
}

export interface ResponseAssessment {
  /** Signed change from baseline: negative is improvement on every supported scale. */
  percentChangeFromBaseline: number
  isResponse: boolean
  /** Null when the settings define no remission threshold for the instrument. */
  isRemission: boolean | null
}

function validateTotal(field: string, total: number): void {
  if (!(Number.isFinite(total) && total >= 0)) throw new DomainValidationError(field, 'must be a score ≥ 0')
}

function validateBaseline(baselineTotal: number): void {
  validateTotal('baselineTotal', baselineTotal)
  if (baselineTotal === 0) {
    throw new DomainValidationError('baselineTotal', 'must be above 0 to measure change from baseline')
  }
}

export function calculatePercentChange(baselineTotal: number, currentTotal: number): number {
  validateBaseline(baselineTotal)
  validateTotal('currentTotal', currentTotal)
  return ((currentTotal - baselineTotal) / baselineTotal) * 100
}

/** Compared without division so that exactly 50 % counts despite floating point. */
export function isResponse(baselineTotal: number, currentTotal: number, settings: OutcomeSettings): boolean {
  validateBaseline(baselineTotal)
  validateTotal('currentTotal', currentTotal)
  return (baselineTotal - currentTotal) * 100 >= settings.responseMinReductionPercent * baselineTotal
}

export function isRemission(
  instrumentId: string,
  currentTotal: number,
  settings: OutcomeSettings,
): boolean | null {
  validateTotal('currentTotal', currentTotal)
  const maxTotal = settings.remissionMaxTotal[instrumentId]
  return maxTotal === undefined ? null : currentTotal <= maxTotal
}

export function assessResponse(
  comparison: ScoreComparison,
  settings: OutcomeSettings = DEFAULT_OUTCOME_SETTINGS,
): ResponseAssessment {
  const { instrumentId, baselineTotal, currentTotal } = comparison
  return {
    percentChangeFromBaseline: calculatePercentChange(baselineTotal, currentTotal),
    isResponse: isResponse(baselineTotal, currentTotal, settings),
    isRemission: isRemission(instrumentId, currentTotal, settings),
  }
}
