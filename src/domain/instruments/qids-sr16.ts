import {
  buildItems,
  buildNumericOptions,
  findBand,
  readNumericAnswers,
  rejectUnknownItems,
} from './define-instrument'
import {
  defaultSuicidalIdeationSettings,
  type SuicidalIdeationSettings,
  suicidalIdeationFlag,
} from './suicidal-ideation'
import type { Answers, EitherOrGroup, Instrument, ScoreBand } from './types'

// QIDS item wording is not cleared for shipping (§4 "Licensing"): item names only, ratings 0–3.
const QIDS_OPTIONS = buildNumericOptions(0, 3, 'none', 'most severe')

const QIDS_ITEMS = buildItems(
  'qids',
  [
    'Falling asleep',
    'Sleep during the night',
    'Waking up too early',
    'Sleeping too much',
    'Feeling sad',
    'Decreased appetite',
    'Increased appetite',
    'Decreased weight (within the last two weeks)',
    'Increased weight (within the last two weeks)',
    'Concentration/decision making',
    'View of myself',
    'Thoughts of death or suicide',
    'General interest',
    'Energy level',
    'Feeling slowed down',
    'Feeling restless',
  ],
  QIDS_OPTIONS,
)

/**
 * The nine symptom domains; a domain spanning several items scores the highest of them, so that
 * e.g. insomnia and hypersomnia are not added together (§4, ✅).
 */
export const QIDS_DOMAINS: ReadonlyArray<{ id: string; itemNumbers: readonly number[] }> = [
  { id: 'sleep', itemNumbers: [1, 2, 3, 4] },
  { id: 'sad-mood', itemNumbers: [5] },
  { id: 'appetite-weight', itemNumbers: [6, 7, 8, 9] },
  { id: 'concentration', itemNumbers: [10] },
  { id: 'self-view', itemNumbers: [11] },
  { id: 'suicidal-ideation', itemNumbers: [12] },
  { id: 'interest', itemNumbers: [13] },
  { id: 'energy', itemNumbers: [14] },
  { id: 'psychomotor', itemNumbers: [15, 16] },
]

// Severity bands §4 (✅).
const QIDS_BANDS: ScoreBand[] = [
  { id: 'none', label: 'None', minTotal: 0, maxTotal: 5 },
  { id: 'mild', label: 'Mild', minTotal: 6, maxTotal: 10 },
  { id: 'moderate', label: 'Moderate', minTotal: 11, maxTotal: 15 },
  { id: 'severe', label: 'Severe', minTotal: 16, maxTotal: 20 },
  { id: 'very-severe', label: 'Very severe', minTotal: 21, maxTotal: 27 },
]

/**
 * The respondent answers item 6 or 7 (appetite decreased / increased) and item 8 or 9 (weight
 * decreased / increased); the other of each pair may stay blank (§4 "QIDS-SR16 form", ✅).
 */
export const QIDS_EITHER_OR: readonly EitherOrGroup[] = [
  { itemIds: ['qids_6', 'qids_7'], label: 'appetite: decreased or increased' },
  { itemIds: ['qids_8', 'qids_9'], label: 'weight: decreased or increased' },
]

/** Builds the QIDS-SR16 with a clinic's item 12 thresholds (default warning 1, urgent 2, §4 🔶). */
export function createQidsSr16(
  settings: SuicidalIdeationSettings = defaultSuicidalIdeationSettings,
): Instrument {
  return {
    id: 'qids-sr16',
    name: 'QIDS-SR16',
    respondent: 'patient',
    items: QIDS_ITEMS,
    totalRange: { min: 0, max: 27 }, // 9 domains × 0–3 (§4)
    bands: QIDS_BANDS,
    eitherOr: QIDS_EITHER_OR,
    score(answers: Answers) {
      rejectUnknownItems('QIDS-SR16', QIDS_ITEMS, answers)
      const values = readNumericAnswers(QIDS_ITEMS, answers, QIDS_EITHER_OR)
      const subscales: Record<string, number> = {}
      for (const domain of QIDS_DOMAINS) {
        // A blank either/or item does not count; its pair is answered (readNumericAnswers checks).
        subscales[domain.id] = Math.max(...domain.itemNumbers.map((n) => values[`qids_${n}`] ?? 0))
      }
      const total = Object.values(subscales).reduce((sum, value) => sum + value, 0)
      const flag = suicidalIdeationFlag('qidsItem12', values.qids_12 ?? 0, settings)
      return {
        instrumentId: 'qids-sr16',
        total,
        subscales,
        band: findBand(QIDS_BANDS, total),
        flags: flag ? [flag] : [],
      }
    },
  }
}

export const qidsSr16 = createQidsSr16()
