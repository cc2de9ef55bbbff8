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

/**
 * Thase–Rush staging (§1, ✅): 0 responded; I failed ≥ 1 adequate trial of one major class;
 * II also failed a different class; III also failed a TCA; IV also failed an MAOI; V also failed
 * bilateral ECT. Each stage requires the one before it.
 */
export function stageThaseRush(
  failedAdequateTrials: readonly AntidepressantTrial[],
  ect: EctHistory,
): ThaseRushResult {
  const classes = new Set<DrugClass>(failedAdequateTrials.map((t) => t.drugClass))
  const classList = [...classes].map((c) => c.toUpperCase()).join(', ')
  const reasons: string[] = []
  const finish = (stage: ThaseRushStage, why: string): ThaseRushResult => {
    reasons.push(why)
    return { stage, label: LABELS[stage], reasons }
  }
  if (classes.size === 0) return finish(0, 'Stage 0: no failed adequate trial in the current episode.')
  reasons.push(`Stage I: failed an adequate trial (classes failed: ${classList}).`)
  if (classes.size < 2) return finish(1, 'Not stage II: no failed adequate trial of a second class.')
  reasons.push('Stage II: failed adequate trials of two or more different classes.')
  if (!classes.has('tca')) return finish(2, 'Not stage III: no failed adequate TCA trial.')
  reasons.push('Stage III: also failed an adequate TCA trial.')
  if (!classes.has('maoi')) return finish(3, 'Not stage IV: no failed adequate MAOI trial.')
  reasons.push('Stage IV: also failed an adequate MAOI trial.')
  if (!(ect.used && ect.bilateral && ect.failed))
    return finish(4, 'Not stage V: no failed course of bilateral ECT.')
  return finish(5, 'Stage V: also failed a course of bilateral ECT.')
}
