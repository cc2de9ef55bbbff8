import { buildItems, buildRatingOptions } from './define-instrument'
import { defineSummedInstrument } from './summed-instrument'
import type { ScoreBand } from './types'

// GAD-7 is free to use (§4 "Licensing"); labels are our own concise wording.
const GAD7_OPTIONS = buildRatingOptions([
  'Not at all',
  'Several days',
  'More than half the days',
  'Nearly every day',
])

const GAD7_ITEMS = buildItems(
  'gad7',
  [
    'Feeling nervous, anxious or on edge',
    'Not being able to stop or control worrying',
    'Worrying too much about different things',
    'Trouble relaxing',
    'Being so restless that it is hard to sit still',
    'Becoming easily annoyed or irritable',
    'Feeling afraid, as if something awful might happen',
  ],
  GAD7_OPTIONS,
)

// Severity bands §4 (✅).
const GAD7_BANDS: ScoreBand[] = [
  { id: 'minimal', label: 'Minimal', minTotal: 0, maxTotal: 4 },
  { id: 'mild', label: 'Mild', minTotal: 5, maxTotal: 9 },
  { id: 'moderate', label: 'Moderate', minTotal: 10, maxTotal: 14 },
  { id: 'severe', label: 'Severe', minTotal: 15, maxTotal: 21 },
]

export const gad7 = defineSummedInstrument({
  id: 'gad7',
  name: 'GAD-7',
  respondent: 'patient',
  items: GAD7_ITEMS,
  bands: GAD7_BANDS,
  loinc: { panel: '69737-5', total: '70274-6' }, // §4 "Codes" (✅)
})
