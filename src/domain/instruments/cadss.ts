import { buildRatingOptions } from './define-instrument'
import { defineSummedInstrument } from './summed-instrument'
import type { InstrumentItem } from './types'

const OPTIONS = buildRatingOptions(['Not at all', 'Slightly', 'Moderately', 'Considerably', 'Extremely'])

// Short topic names in our own words; the observer items are rated from the licensed form, so
// only their numbers are shown.
const SUBJECTIVE_TOPICS = [
  'Things seem to move in slow motion',
  'Surroundings seem unreal or dream-like',
  'Feeling apart from events, as if in a film',
  'Seeing things from outside the body',
  'Watching as an onlooker',
  'Disconnected from own body',
  'Body size or shape feels changed',
  'People seem motionless or mechanical',
  'Objects look different than expected',
  'Colours seem faded',
  'Tunnel or wide-angle vision',
  'Experience seems to last much longer than expected',
  'Things seem to happen very quickly',
  'Things happen that cannot be accounted for later',
  'Spacing out or losing track',
  'Sounds fade or grow much louder',
  'Things seem unusually real or clear',
  'World seems seen through a fog',
  'Colours seem much brighter than expected',
]
const OBSERVER_COUNT = 8

const SUBJECTIVE_ITEMS: InstrumentItem[] = SUBJECTIVE_TOPICS.map((label, index) => ({
  id: `cadss_${index + 1}`,
  label,
  options: OPTIONS,
}))
const OBSERVER_ITEMS: InstrumentItem[] = Array.from({ length: OBSERVER_COUNT }, (_, index) => ({
  id: `cadss_${SUBJECTIVE_TOPICS.length + index + 1}`,
  label: `Observer rating ${index + 1}`,
  options: OPTIONS,
}))

/**
 * 19 subjective (0–76) and 8 observer (0–32) items, reported as subtotals (§4, ⚠️: ketamine trials
 * often report a 23-item version instead, so the subtotals matter more than the grand total).
 * No severity bands are given, so none here.
 */
export const cadss = defineSummedInstrument({
  id: 'cadss',
  name: 'CADSS',
  respondent: 'clinician',
  items: [...SUBJECTIVE_ITEMS, ...OBSERVER_ITEMS],
  bands: [],
  subscaleItems: {
    subjective: SUBJECTIVE_ITEMS.map((i) => i.id),
    observer: OBSERVER_ITEMS.map((i) => i.id),
  },
})
