import { buildRatingOptions } from './define-instrument'
import { defineSummedWithSuicidalIdeation } from './summed-instrument'
import type { InstrumentItem, ScoreBand } from './types'

// HAM-D is public domain (§4 "Licensing"); labels and anchors are our own concise wording.
const item = (n: number, label: string, anchors: readonly string[]): InstrumentItem => ({
  id: `hamd_${n}`,
  label,
  options: buildRatingOptions(anchors),
})

const FIVE = ['Absent', 'Mild', 'Moderate', 'Severe', 'Very severe'] as const
const THREE = ['Absent', 'Mild or doubtful', 'Clearly present'] as const

// 9 items rated 0–4 and 8 rated 0–2: total 0–52 (§4).
const HAMD_ITEMS: InstrumentItem[] = [
  item(1, 'Depressed mood', FIVE),
  item(2, 'Feelings of guilt', FIVE),
  // Item 3 has its own anchors (§4 ✅, in our words): the step between them is what the
  // suicidal-ideation thresholds count.
  item(3, 'Suicide', [
    'Absent',
    'Feels life is not worth living',
    'Wishes to be dead, or thinks of own possible death',
    'Suicidal ideas or a suicidal gesture',
    'Suicide attempt',
  ]),
  item(4, 'Insomnia: early in the night', THREE),
  item(5, 'Insomnia: middle of the night', THREE),
  item(6, 'Insomnia: early hours of the morning', THREE),
  item(7, 'Work and activities', FIVE),
  item(8, 'Retardation (slowed thought, speech, movement)', FIVE),
  item(9, 'Agitation', FIVE),
  item(10, 'Anxiety: psychic', FIVE),
  item(11, 'Anxiety: somatic', FIVE),
  item(12, 'Somatic symptoms: gastrointestinal', THREE),
  item(13, 'Somatic symptoms: general', THREE),
  item(14, 'Genital symptoms (e.g. loss of libido)', THREE),
  item(15, 'Hypochondriasis', FIVE),
  item(16, 'Loss of weight', THREE),
  item(17, 'Insight', [
    'Acknowledges being depressed and ill',
    'Acknowledges illness, attributes it elsewhere',
    'Denies being ill',
  ]),
]

// Severity bands §4 (✅).
const HAMD_BANDS: ScoreBand[] = [
  { id: 'normal', label: 'Normal', minTotal: 0, maxTotal: 7 },
  { id: 'mild', label: 'Mild', minTotal: 8, maxTotal: 13 },
  { id: 'moderate', label: 'Moderate', minTotal: 14, maxTotal: 18 },
  { id: 'severe', label: 'Severe', minTotal: 19, maxTotal: 22 },
  { id: 'very-severe', label: 'Very severe', minTotal: 23, maxTotal: 52 },
]

/** Builds the HAM-D17 with a clinic's item 3 (suicide) thresholds (default 1 / 3, §4 🔶). */
export const createHamd17 = defineSummedWithSuicidalIdeation('hamdItem3', {
  id: 'hamd17',
  name: 'HAM-D17',
  respondent: 'clinician',
  items: HAMD_ITEMS,
  bands: HAMD_BANDS,
})

export const hamd17 = createHamd17()
