import {
  type Answers,
  type AnswerValue,
  type Instrument,
  type InstrumentItem,
  isItemOptional,
  type ScoreFlag,
} from '../../domain/instruments'

// Skip logic of the C-SSRS screener (src/domain/instruments/cssrs-screen.ts, clinical-reference §4):
// items 3–5 are asked only when item 2 is yes; "within 3 months" only when item 6 is yes.
const askedWhen: Record<string, Record<string, (answers: Answers) => boolean>> = {
  'cssrs-screen': {
    cssrs_3: (a) => a.cssrs_2 === true,
    cssrs_4: (a) => a.cssrs_2 === true,
    cssrs_5: (a) => a.cssrs_2 === true,
    cssrs_6_recent: (a) => a.cssrs_6 === true,
  },
}

/** The items to ask now, given the answers so far. */
export function askedItems(instrument: Instrument, answers: Answers): InstrumentItem[] {
  const rules = askedWhen[instrument.id] ?? {}
  return instrument.items.filter((item) => rules[item.id]?.(answers) ?? true)
}

export interface LiveScore {
  /** The total so far: unanswered items count as their lowest option until answered. */
  total: number
  band: { id: string; label: string } | null
  flags: readonly ScoreFlag[]
  answeredCount: number
  /** Items still to answer plus those answered; a blank either/or item whose pair is answered is not counted. */
  askedCount: number
  isComplete: boolean
  /** Only the asked items' answers, as the server expects them. */
  answersToSend: Record<string, AnswerValue>
}

function lowestOption(item: InstrumentItem): number | boolean {
  const values = item.options.map((o) => o.value)
  if (values.every((v) => typeof v === 'boolean')) return false
  return Math.min(...values.map(Number))
}

/**
 * Scores as the user answers, with the registry's own `score()` (the server scores again on save).
 * Before the last answer the total is a floor — what the answers so far already add up to — so an
 * urgent flag such as PHQ-9 item 9 shows the moment it is answered.
 */
export function scoreLive(instrument: Instrument, answers: Answers): LiveScore | null {
  const asked = askedItems(instrument, answers)
  const answersToSend: Record<string, AnswerValue> = {}
  const filled: Record<string, AnswerValue> = {}
  let answeredCount = 0
  let askedCount = 0
  for (const item of asked) {
    const value = answers[item.id]
    const isBlank = value === undefined || value === null
    // QIDS-SR16 6/7 and 8/9 (§4 form): one of the pair is enough, the other stays blank.
    if (isBlank && isItemOptional(instrument, item.id, answers)) continue
    askedCount++
    if (isBlank) {
      filled[item.id] = lowestOption(item)
    } else {
      answersToSend[item.id] = value
      filled[item.id] = value
      answeredCount++
    }
  }
  try {
    const score = instrument.score(filled)
    return {
      total: score.total,
      band: score.band,
      flags: score.flags,
      answeredCount,
      askedCount,
      isComplete: answeredCount === askedCount,
      answersToSend,
    }
  } catch {
    return null
  }
}
