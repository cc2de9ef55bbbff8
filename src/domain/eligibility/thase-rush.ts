import type { AntidepressantTrial, DrugClass } from './trial-adequacy'

export interface EctHistory {
  used: boolean
  bilateral: boolean
  failed: boolean
}

export type ThaseRushStage = 0 | 1 | 2 | 3 | 4 | 5

export interface ThaseRushResult {
  stage: ThaseRushStage
  /** Roman numeral as clinicians write it: 0, I … V. */
  label: string
  reasons: string[]
}

const LABELS = ['0', 'I', 'II', 'III', 'IV', 'V'] as const

/** The trials left after taking out one trial of `drugClass` (the one a stage uses). */
function withoutOne(trials: readonly AntidepressantTrial[], drugClass: DrugClass): AntidepressantTrial[] {
  const index = trials.findIndex((t) => t.drugClass === drugClass)
  return index === -1 ? [...trials] : trials.filter((_, i) => i !== index)
}

const classCount = (trials: readonly AntidepressantTrial[]) => new Set(trials.map((t) => t.drugClass)).size
const hasClass = (trials: readonly AntidepressantTrial[], c: DrugClass) =>
  trials.some((t) => t.drugClass === c)

/**
 * Thase–Rush staging (§1, ✅): 0 responded; I failed ≥ 1 adequate trial of one major class;
 * II also failed a different class; III also failed a TCA; IV also failed an MAOI; V also failed
 * bilateral ECT. The stages are cumulative: each needs the one before it, and each "also" is a
 * further failed trial — the TCA of stage III and the MAOI of stage IV cannot be the trials that
 * made stages I and II. So a TCA and an MAOI failure alone are stage II, not IV (§1).
 */
export function stageThaseRush(
  failedAdequateTrials: readonly AntidepressantTrial[],
  ect: EctHistory,
): ThaseRushResult {
  const trials = failedAdequateTrials
  const classList = [...new Set(trials.map((t) => t.drugClass.toUpperCase()))].join(', ')
  const reasons: string[] = []
  const finish = (stage: ThaseRushStage, why: string): ThaseRushResult => {
    reasons.push(why)
    return { stage, label: LABELS[stage], reasons }
  }
  if (trials.length === 0)
    return finish(0, 'Stage 0: no failed adequate trial in the current episode (not treatment-resistant).')
  reasons.push(`Stage I: failed an adequate trial (classes failed: ${classList}).`)
  if (classCount(trials) < 2) return finish(1, 'Not stage II: no failed adequate trial of a second class.')
  reasons.push('Stage II: failed adequate trials of two different classes.')
  const withoutTca = withoutOne(trials, 'tca')
  if (!hasClass(trials, 'tca')) return finish(2, 'Not stage III: no failed adequate TCA trial.')
  if (classCount(withoutTca) < 2)
    return finish(
      2,
      'Not stage III: the TCA trial is one of the two classes of stage II; stage III needs a TCA failure beyond them.',
    )
  reasons.push('Stage III: also failed an adequate TCA trial, beyond the two classes of stage II.')
  const withoutTcaAndMaoi = withoutOne(withoutTca, 'maoi')
  if (!hasClass(withoutTca, 'maoi')) return finish(3, 'Not stage IV: no failed adequate MAOI trial.')
  if (classCount(withoutTcaAndMaoi) < 2)
    return finish(
      3,
      'Not stage IV: the MAOI trial is one of the two classes of stage II; stage IV needs an MAOI failure beyond them and the TCA.',
    )
  reasons.push('Stage IV: also failed an adequate MAOI trial.')
  if (!(ect.used && ect.bilateral && ect.failed))
    return finish(4, 'Not stage V: no failed course of bilateral ECT.')
  return finish(5, 'Stage V: also failed a course of bilateral ECT.')
}
