import { buildRatingOptions } from './define-instrument'
import { defineSummedInstrument } from './summed-instrument'
import type { InstrumentItem } from './types'

const item = (id: string, label: string, options: [string, string, string]): InstrumentItem => ({
  id: `aldrete_${id}`,
  label,
  options: buildRatingOptions(options),
})

// Items and criteria §4 (✅). The discharge threshold (≥ 9, ⚠️) is a discharge rule, not a band,
// so this instrument has no bands.
const ALDRETE_ITEMS: InstrumentItem[] = [
  item('activity', 'Activity', ['Moves no limbs', 'Moves two limbs', 'Moves all four limbs']),
  item('respiration', 'Respiration', [
    'Apnoeic',
    'Dyspnoea or limited breathing',
    'Breathes deeply, coughs freely',
  ]),
  item('circulation', 'Circulation (BP vs baseline)', [
    'More than 50 mmHg from baseline',
    '20–50 mmHg from baseline',
    'Within ±20 mmHg of baseline',
  ]),
  item('consciousness', 'Consciousness', ['Not responding', 'Arousable on calling', 'Fully awake']),
  item('spo2', 'Oxygen saturation', [
    'Below 90 % even with oxygen',
    'Needs oxygen to stay above 90 %',
    'Above 92 % on room air',
  ]),
]

export const aldrete = defineSummedInstrument({
  id: 'aldrete',
  name: 'Modified Aldrete score',
  respondent: 'clinician',
  items: ALDRETE_ITEMS,
  bands: [],
})
