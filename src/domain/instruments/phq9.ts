import { buildRatingOptions } from './define-instrument'
import { defineSummedWithSuicidalIdeation } from './summed-instrument'
import type { InstrumentItem, ScoreBand } from './types'

// PHQ-9 is free to use (clinical-reference §4 "Licensing"); labels are our own concise wording.
const PHQ9_OPTIONS = buildRatingOptions([
  'Not at all',
  'Several days',
  'More than half the days',
  'Nearly every day',
])

/** LOINC answer codes for the four frequency options, by value (§4 "Codes", 🔶). */
export const PHQ9_ANSWER_LOINC: Readonly<Record<number, string>> = {
  0: 'LA6568-5',
  1: 'LA6569-3',
  2: 'LA6570-1',
  3: 'LA6571-9',
}

const ITEMS: ReadonlyArray<[string, string]> = [
  ['Little interest or pleasure in doing things', '44250-9'],
  ['Feeling down, depressed or hopeless', '44255-8'],
  ['Trouble falling or staying asleep, or sleeping too much', '44259-0'],
  ['Feeling tired or having little energy', '44254-1'],
  ['Poor appetite or overeating', '44251-7'],
  ['Feeling bad about yourself, or that you have let yourself or others down', '44258-2'],
  ['Trouble concentrating on things such as reading or watching TV', '44252-5'],
  ['Moving or speaking noticeably slowly, or being unusually fidgety or restless', '44253-3'],
  ['Thoughts that you would be better off dead or of hurting yourself', '44260-8'],
]

const PHQ9_ITEMS: InstrumentItem[] = ITEMS.map(([label, loinc], index) => ({
  id: `phq9_${index + 1}`,
  label,
  options: PHQ9_OPTIONS,
  loinc, // item codes §4 "Codes" (🔶)
}))

// Severity bands §4 (✅).
const PHQ9_BANDS: ScoreBand[] = [
  { id: 'none-minimal', label: 'None/minimal', minTotal: 0, maxTotal: 4 },
  { id: 'mild', label: 'Mild', minTotal: 5, maxTotal: 9 },
  { id: 'moderate', label: 'Moderate', minTotal: 10, maxTotal: 14 },
  { id: 'moderately-severe', label: 'Moderately severe', minTotal: 15, maxTotal: 19 },
  { id: 'severe', label: 'Severe', minTotal: 20, maxTotal: 27 },
]

/**
 * Builds the PHQ-9 with a clinic's suicidal-ideation threshold (default: item 9 ≥ 1, §4 ✅).
 * Endorsement of item 9 needs same-day clinician follow-up (§4, ✅): urgent, no warning level.
 */
export const createPhq9 = defineSummedWithSuicidalIdeation('phq9Item9', {
  id: 'phq9',
  name: 'PHQ-9',
  respondent: 'patient',
  items: PHQ9_ITEMS,
  bands: PHQ9_BANDS,
  loinc: { panel: '44249-1', total: '44261-6' }, // §4 "Codes" (✅)
})

export const phq9 = createPhq9()
