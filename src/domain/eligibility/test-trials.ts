import type { AntidepressantTrial, DrugClass } from './trial-adequacy'

/** A failed adequate current-episode trial of a class, overridable per test. */
export function buildTrial(
  drugClass: DrugClass,
  overrides: Partial<AntidepressantTrial> = {},
): AntidepressantTrial {
  return {
    drug: `${drugClass}-drug`,
    drugClass,
    doseAdequate: true,
    weeks: 8,
    adherence: 'good',
    outcome: 'non-response',
    augmentation: false,
    isCurrentEpisode: true,
    ...overrides,
  }
}
