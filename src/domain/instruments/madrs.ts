import { buildItems, buildNumericOptions } from './define-instrument'
import { defineSummedWithSuicidalIdeation } from './summed-instrument'
import type { ScoreBand } from './types'

// MADRS item wording and anchors are not cleared for shipping (§4 "Licensing"): item names only,
// numeric ratings 0–6. No LOINC code exists (§4 "Codes"), so none is declared.
const MADRS_OPTIONS = buildNumericOptions(0, 6, 'absent', 'most severe')

const MADRS_ITEMS = buildItems(
  'madrs',
  [
    'Apparent sadness',
    'Reported sadness',
    'Inner tension',
    'Reduced sleep',
    'Reduced appetite',
    'Concentration difficulties',
    'Lassitude',
    'Inability to feel',
    'Pessimistic thoughts',
    'Suicidal thoughts',
  ],
  MADRS_OPTIONS,
)

// Severity bands §4 (✅).
const MADRS_BANDS: ScoreBand[] = [
  { id: 'normal', label: 'Normal', minTotal: 0, maxTotal: 6 },
  { id: 'mild', label: 'Mild', minTotal: 7, maxTotal: 19 },
  { id: 'moderate', label: 'Moderate', minTotal: 20, maxTotal: 34 },
  { id: 'severe', label: 'Severe', minTotal: 35, maxTotal: 60 },
]

/** Builds the MADRS with a clinic's item 10 (suicidal thoughts) thresholds (default 1 / 4, §4 🔶). */
export const createMadrs = defineSummedWithSuicidalIdeation('madrsItem10', {
  id: 'madrs',
  name: 'MADRS',
  respondent: 'clinician',
  items: MADRS_ITEMS,
  bands: MADRS_BANDS,
})

export const madrs = createMadrs()
