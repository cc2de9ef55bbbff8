import { DomainValidationError } from '../errors'
import { readAnswer, rejectUnknownItems } from './define-instrument'
import type { AnswerOption, Answers, Instrument, InstrumentItem, ScoreBand, ScoreFlag } from './types'

// C-SSRS is free for clinical use (§4 "Licensing", 🔶); questions are our own concise wording.
const YES_NO: AnswerOption[] = [
  { value: true, label: 'Yes' },
  { value: false, label: 'No' },
]

const item = (id: string, label: string): InstrumentItem => ({ id, label, options: YES_NO })

const CSSRS_ITEMS: InstrumentItem[] = [
  item('cssrs_1', 'Past month: wished you were dead or could go to sleep and not wake up?'),
  item('cssrs_2', 'Past month: had any actual thoughts of killing yourself?'),
  item('cssrs_3', 'Thought about how you might do this?'),
  item('cssrs_4', 'Had these thoughts with some intention of acting on them?'),
  item('cssrs_5', 'Started to work out, or worked out, the details of how, and intend to carry it out?'),
  item('cssrs_6', 'Ever done, started to do, or prepared to do anything to end your life?'),
  item('cssrs_6_recent', 'Was that within the past 3 months?'),
]

export type CssrsRiskLevel = 'none' | 'low' | 'moderate' | 'high'

/** An endorsed answer that can raise the risk level; `cssrs_6_recent` means behaviour in 3 months. */
export type CssrsIndicator =
  | 'cssrs_1'
  | 'cssrs_2'
  | 'cssrs_3'
  | 'cssrs_4'
  | 'cssrs_5'
  | 'cssrs_6'
  | 'cssrs_6_recent'

export interface CssrsRiskConfig {
  high: readonly CssrsIndicator[]
  moderate: readonly CssrsIndicator[]
  low: readonly CssrsIndicator[]
}

/**
 * Risk mapping ⚠️ unverified default (§4): 4, 5, or 6 within 3 months ⇒ high; 3 or 6 lifetime ⇒
 * moderate; 1 or 2 only ⇒ low. A clinic setting may replace it; the highest matching level wins.
 */
export const DEFAULT_CSSRS_RISK_CONFIG: CssrsRiskConfig = {
  high: ['cssrs_4', 'cssrs_5', 'cssrs_6_recent'],
  moderate: ['cssrs_3', 'cssrs_6'],
  low: ['cssrs_1', 'cssrs_2'],
}

// The total is the risk level as an ordinal, so a chart over time shows the risk trend.
const CSSRS_BANDS: ScoreBand[] = [
  { id: 'none', label: 'No risk identified', minTotal: 0, maxTotal: 0 },
  { id: 'low', label: 'Low risk', minTotal: 1, maxTotal: 1 },
  { id: 'moderate', label: 'Moderate risk', minTotal: 2, maxTotal: 2 },
  { id: 'high', label: 'High risk', minTotal: 3, maxTotal: 3 },
]

const RISK_FLAGS: Record<Exclude<CssrsRiskLevel, 'none'>, ScoreFlag> = {
  high: {
    id: 'suicide-risk',
    severity: 'urgent',
    message: 'C-SSRS screen high risk: immediate clinician assessment and safety measures are needed.',
  },
  moderate: {
    id: 'suicide-risk',
    severity: 'warning',
    message: 'C-SSRS screen moderate risk: a clinician must review before the patient leaves.',
  },
  low: {
    id: 'suicide-risk',
    severity: 'info',
    message: 'C-SSRS screen low risk: suicidal thoughts reported; clinician review advised.',
  },
}

function readYesNo(id: string, answers: Answers): boolean {
  return readAnswer(CSSRS_ITEMS.find((i) => i.id === id)!, answers) === true
}

function requireNotAsked(id: string, answers: Answers, why: string): void {
  const value = answers[id]
  if (value !== undefined && value !== null)
    throw new DomainValidationError(`items.${id}`, `is not asked ${why}`)
}

/** Applies the screener's skip logic (§4) and returns the endorsed indicators. */
function readEndorsed(answers: Answers): Set<CssrsIndicator> {
  rejectUnknownItems('C-SSRS screener', CSSRS_ITEMS, answers)
  const endorsed = new Set<CssrsIndicator>()
  const mark = (id: CssrsIndicator, yes: boolean) => yes && endorsed.add(id)
  mark('cssrs_1', readYesNo('cssrs_1', answers))
  const hasActiveThoughts = readYesNo('cssrs_2', answers)
  mark('cssrs_2', hasActiveThoughts)
  for (const id of ['cssrs_3', 'cssrs_4', 'cssrs_5'] as const) {
    if (hasActiveThoughts) mark(id, readYesNo(id, answers))
    else requireNotAsked(id, answers, 'when item 2 is no (skip to item 6)')
  }
  const hasBehaviour = readYesNo('cssrs_6', answers)
  mark('cssrs_6', hasBehaviour)
  if (hasBehaviour) mark('cssrs_6_recent', readYesNo('cssrs_6_recent', answers))
  else requireNotAsked('cssrs_6_recent', answers, 'when item 6 is no')
  return endorsed
}

export function classifyCssrsRisk(
  endorsed: ReadonlySet<CssrsIndicator>,
  config: CssrsRiskConfig,
): CssrsRiskLevel {
  const matches = (list: readonly CssrsIndicator[]) => list.some((id) => endorsed.has(id))
  if (matches(config.high)) return 'high'
  if (matches(config.moderate)) return 'moderate'
  if (matches(config.low)) return 'low'
  return 'none'
}

const RISK_ORDINAL: Record<CssrsRiskLevel, number> = { none: 0, low: 1, moderate: 2, high: 3 }

/** Builds the screener with a clinic's risk mapping (default: the ⚠️ mapping of §4). */
export function createCssrsScreen(config: CssrsRiskConfig = DEFAULT_CSSRS_RISK_CONFIG): Instrument {
  return {
    id: 'cssrs-screen',
    name: 'C-SSRS screener',
    respondent: 'clinician',
    items: CSSRS_ITEMS,
    totalRange: { min: 0, max: 3 },
    bands: CSSRS_BANDS,
    score(answers: Answers) {
      const endorsed = readEndorsed(answers)
      const level = classifyCssrsRisk(endorsed, config)
      const total = RISK_ORDINAL[level]
      const band = CSSRS_BANDS[total]!
      // Item 6's "within 3 months" is a qualifier of item 6, not a separate endorsement.
      const endorsedItems = [...endorsed].filter((id) => id !== 'cssrs_6_recent').length
      return {
        instrumentId: 'cssrs-screen',
        total,
        subscales: { endorsedItems },
        band: { id: band.id, label: band.label },
        flags: level === 'none' ? [] : [RISK_FLAGS[level]],
      }
    },
  }
}

export const cssrsScreen = createCssrsScreen()
