import { buildRatingOptions } from './define-instrument'
import { defineSummedInstrument } from './summed-instrument'
import type { InstrumentItem } from './types'

const OPTIONS = buildRatingOptions([
  'Not present',
  'Very mild',
  'Mild',
  'Moderate',
  'Moderately severe',
  'Severe',
  'Extremely severe',
]).map((option) => ({ value: Number(option.value) + 1, label: option.label })) // BPRS rates 1–7 (§4)

const item = (id: string, label: string): InstrumentItem => ({ id: `bprs4_${id}`, label, options: OPTIONS })

// Four positive-symptom items, total 4–28 (§4, ⚠️: no severity bands are given, so none here).
export const bprs4 = defineSummedInstrument({
  id: 'bprs4',
  name: 'BPRS positive symptoms (4 items)',
  respondent: 'clinician',
  items: [
    item('suspiciousness', 'Suspiciousness'),
    item('hallucinations', 'Hallucinations'),
    item('unusual_thought_content', 'Unusual thought content'),
    item('conceptual_disorganisation', 'Conceptual disorganisation'),
  ],
  bands: [],
})
