import { defineSummedInstrument } from './summed-instrument'
import type { AnswerOption, ScoreBand } from './types'

// Levels and their meaning §4 (✅). Alert thresholds (MOAA/S ≤ 2, §2 ⚠️) live in session rules.
const LEVELS: ReadonlyArray<[id: string, label: string]> = [
  ['no-response', 'No response, even to trapezius squeeze'],
  ['trapezius-squeeze', 'Responds only after trapezius squeeze'],
  ['mild-prodding', 'Responds only after mild prodding or shaking'],
  ['loud-name', 'Responds only after name is called loudly and/or repeatedly'],
  ['lethargic', 'Lethargic response to name spoken in normal tone'],
  ['alert', 'Responds readily to name spoken in normal tone'],
]

const MOAAS_OPTIONS: AnswerOption[] = LEVELS.map(([, label], value) => ({
  value,
  label: `${value}: ${label}`,
}))

const MOAAS_BANDS: ScoreBand[] = LEVELS.map(([id, label], value) => ({
  id,
  label,
  minTotal: value,
  maxTotal: value,
}))

export const moaas = defineSummedInstrument({
  id: 'moaas',
  name: 'MOAA/S',
  respondent: 'clinician',
  items: [{ id: 'moaas', label: 'Responsiveness', options: MOAAS_OPTIONS }],
  bands: MOAAS_BANDS,
})
