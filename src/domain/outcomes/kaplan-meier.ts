import { DomainValidationError } from '../errors'

export interface SurvivalObservation {
  timeDays: number
  /** True for the event (e.g. relapse); false when follow-up ended without it (right-censored). */
  isEvent: boolean
}

export interface SurvivalStep {
  timeDays: number
  atRisk: number
  events: number
  censored: number
  /** S(t) just after this time. */
  survival: number
  /** Greenwood standard error of S(t); null once S reaches 0 (every remaining subject had the event). */
  standardError: number | null
  /** 95 % pointwise band; null where it is not estimable (S = 0). */
  lower: number | null
  upper: number | null
}

export type ConfidenceTransform = 'log-log' | 'plain'

export interface KaplanMeierEstimate {
  steps: SurvivalStep[]
  /** First time S(t) ≤ 0.5; null when the curve never gets there. */
  medianDays: number | null
  /** 95 % interval of the median read off the band (first time the lower / upper band ≤ 0.5). */
  medianLowerDays: number | null
  medianUpperDays: number | null
}

const Z_95 = 1.959963984540054

function computeBand(survival: number, greenwoodSum: number, transform: ConfidenceTransform) {
  if (!Number.isFinite(greenwoodSum)) return { lower: null, upper: null }
  if (transform === 'plain') {
    const se = survival * Math.sqrt(greenwoodSum)
    return { lower: Math.max(0, survival - Z_95 * se), upper: Math.min(1, survival + Z_95 * se) }
  }
  if (survival === 1) return { lower: 1, upper: 1 }
  // log(−log S) is closer to normal than S near 0 and 1 and keeps the band inside (0, 1).
  const seLogLog = Math.sqrt(greenwoodSum) / Math.abs(Math.log(survival))
  return { lower: survival ** Math.exp(Z_95 * seLogLog), upper: survival ** Math.exp(-Z_95 * seLogLog) }
}

/**
 * Kaplan–Meier estimate with right censoring. At tied times events are counted before censorings
 * (the usual convention), and every distinct time gets a step so censoring can be drawn.
 */
export function estimateKaplanMeier(
  observations: readonly SurvivalObservation[],
  transform: ConfidenceTransform = 'log-log',
): KaplanMeierEstimate {
  observations.forEach((o, index) => {
    if (!(Number.isFinite(o.timeDays) && o.timeDays >= 0)) {
      throw new DomainValidationError(`observations[${index}].timeDays`, 'must be a time ≥ 0')
    }
  })
  // One sort, then one walk over the groups of equal time: linear after the sort, so tens of
  // thousands of responders with distinct times stay fast.
  const sorted = [...observations].sort((a, b) => a.timeDays - b.timeDays)
  const steps: SurvivalStep[] = []
  let atRisk = observations.length
  let survival = 1
  let greenwoodSum = 0
  for (let i = 0; i < sorted.length; ) {
    const timeDays = sorted[i]!.timeDays
    let events = 0
    let censored = 0
    for (; i < sorted.length && sorted[i]!.timeDays === timeDays; i++) {
      if (sorted[i]!.isEvent) events++
      else censored++
    }
    if (events > 0) {
      survival *= 1 - events / atRisk
      greenwoodSum += events === atRisk ? Number.POSITIVE_INFINITY : events / (atRisk * (atRisk - events))
    }
    const standardError = Number.isFinite(greenwoodSum) ? survival * Math.sqrt(greenwoodSum) : null
    steps.push({
      timeDays,
      atRisk,
      events,
      censored,
      survival,
      standardError,
      ...computeBand(survival, greenwoodSum, transform),
    })
    atRisk -= events + censored
  }
  const firstAtOrBelowHalf = (value: (s: SurvivalStep) => number) =>
    steps.find((s) => s.events > 0 && value(s) <= 0.5)?.timeDays ?? null
  return {
    steps,
    medianDays: firstAtOrBelowHalf((s) => s.survival),
    // Where the band is not estimable S is 0, so both limits are read as 0.
    medianLowerDays: firstAtOrBelowHalf((s) => s.lower ?? 0),
    medianUpperDays: firstAtOrBelowHalf((s) => s.upper ?? 0),
  }
}
