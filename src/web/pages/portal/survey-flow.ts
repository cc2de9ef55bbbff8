import {
  type Answers,
  findInstrument,
  type Instrument,
  type InstrumentItem,
  isItemOptional,
  type SuicidalIdeationSettings,
} from '../../../domain/instruments'
import { askedItems, scoreLive } from '../../lib/live-score'

// The portal survey, one question per screen: which screen to resume on, how far along the
// patient is, and whether an answer calls for crisis resources before anything is sent.

/** The lead-in each question answers ("Over the last 2 weeks, how often have you been bothered by…"). */
const stems: Record<string, string> = {
  phq9: 'Over the last 2 weeks, how often have you been bothered by:',
  gad7: 'Over the last 2 weeks, how often have you been bothered by:',
  'qids-sr16': 'Over the last 7 days, rate each of these from 0 (none) to 3 (most severe):',
}

export function questionStem(instrumentId: string): string {
  return stems[instrumentId] ?? 'Please choose the answer that fits you best:'
}

/**
 * Only instruments a patient fills in themselves can be answered in the portal. Built with the
 * clinic's suicidal-ideation thresholds when the server sent them, so the crisis notice shows at
 * the same answer the clinic is alerted on (§4).
 */
export function findPatientInstrument(
  instrumentId: string,
  suicidalIdeation?: SuicidalIdeationSettings,
): Instrument | null {
  const instrument = findInstrument(instrumentId, suicidalIdeation ? { suicidalIdeation } : undefined)
  return instrument && instrument.respondent === 'patient' ? instrument : null
}

export function isAnswered(answers: Answers, item: InstrumentItem): boolean {
  const value = answers[item.id]
  return value !== undefined && value !== null
}

/**
 * The screen to open on: the first unanswered question, or the review screen (index = number of
 * questions) when every question has an answer — so leaving and coming back resumes.
 */
export function resumeStep(instrument: Instrument, answers: Answers): number {
  const asked = askedItems(instrument, answers)
  const first = asked.findIndex(
    (item) => !isAnswered(answers, item) && !isItemOptional(instrument, item.id, answers),
  )
  return first === -1 ? asked.length : first
}

export function answeredCount(instrument: Instrument, answers: Answers): number {
  return askedItems(instrument, answers).filter((item) => isAnswered(answers, item)).length
}

/**
 * An either/or question (QIDS-SR16 6/7, 8/9; §4 form) may be skipped when its pair is answered,
 * or when its pair is still to come; the last of a pair is required if the others were skipped.
 */
export function canSkip(instrument: Instrument, item: InstrumentItem, answers: Answers): boolean {
  const group = instrument.eitherOr?.find((g) => g.itemIds.includes(item.id))
  if (!group) return false
  return isItemOptional(instrument, item.id, answers) || group.itemIds.at(-1) !== item.id
}

/**
 * True the moment an answer raises a suicide-risk flag at warning or urgent level (PHQ-9 item 9,
 * QIDS-SR16 item 12, …; clinical-reference §4), from the instrument's own scoring with the clinic's
 * thresholds, so the patient sees crisis resources before submitting. The server alerts the
 * clinic at the same levels.
 */
export function hasCrisisAnswer(instrument: Instrument, answers: Answers): boolean {
  return (
    scoreLive(instrument, answers)?.flags.some(
      (flag) => flag.id === 'suicide-risk' && (flag.severity === 'urgent' || flag.severity === 'warning'),
    ) ?? false
  )
}

/** The label of an item's chosen answer, for the review screen. */
export function answerLabel(item: InstrumentItem, answers: Answers): string | null {
  const value = answers[item.id]
  if (value === undefined || value === null) return null
  return item.options.find((option) => option.value === value)?.label ?? String(value)
}

/** "3 questions left after this one", so a patient on a phone knows how far there is to go. */
export function questionsLeftText(left: number): string {
  if (left <= 0) return 'Last question'
  return left === 1 ? '1 question left after this one' : `${left} questions left after this one`
}
