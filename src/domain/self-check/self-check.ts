import { phq9 } from '../instruments/phq9'
import type { Answers, InstrumentScore } from '../instruments/types'

// The public self-check (design.md §1 "Ask"): PHQ-9 plus the history and safety facts a provider
// would ask about first (clinical-reference §1 TRD definition, §2 common exclusions). It produces a
// summary to bring to a provider — never a verdict: nothing here says "eligible" or "qualifies".

export const trialDurations = [
  { value: 'under-4-weeks', label: 'Less than 4 weeks' },
  { value: '4-to-6-weeks', label: '4 to 6 weeks' },
  { value: 'over-6-weeks', label: 'More than 6 weeks' },
  { value: 'not-sure', label: 'Not sure' },
] as const
export type TrialDuration = (typeof trialDurations)[number]['value']

export const yesNoUnsure = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
  { value: 'not-sure', label: 'Not sure' },
] as const
export type YesNoUnsure = (typeof yesNoUnsure)[number]['value']

export const pregnancyChoices = [
  ...yesNoUnsure,
  { value: 'not-applicable', label: 'Does not apply to me' },
] as const
export type PregnancyAnswer = (typeof pregnancyChoices)[number]['value']

/** The safety questions, worded for the person answering; ids are the answer keys. */
export const safetyQuestions = [
  {
    id: 'pregnancy',
    label: 'Are you pregnant, trying to become pregnant, or breastfeeding?',
    choices: pregnancyChoices,
  },
  {
    id: 'highBloodPressure',
    label: 'Has a doctor told you that your high blood pressure is not under control?',
    choices: yesNoUnsure,
  },
  {
    id: 'psychosis',
    label: 'Have you ever had psychosis or mania? (For example, hearing or seeing things others do not.)',
    choices: yesNoUnsure,
  },
  {
    id: 'substanceUse',
    label: 'Do you have problems with alcohol or drugs now? Have you ever misused ketamine or PCP?',
    choices: yesNoUnsure,
  },
] as const
export type SafetyQuestionId = (typeof safetyQuestions)[number]['id']

export const maxTrials = 20

export interface AntidepressantTrialAnswer {
  /** Optional: the medicine's name as the person remembers it. */
  name: string
  duration: TrialDuration
}

export interface SelfCheckAnswers {
  /** PHQ-9 answers keyed by item id (`phq9_1` … `phq9_9`), 0–3. */
  phq9: Record<string, number>
  antidepressantTrials: AntidepressantTrialAnswer[]
  therapyTried: YesNoUnsure
  safety: {
    pregnancy: PregnancyAnswer
    highBloodPressure: YesNoUnsure
    psychosis: YesNoUnsure
    substanceUse: YesNoUnsure
  }
}

export interface SummaryLine {
  question: string
  answer: string
}

export interface SelfCheckSummary {
  score: InstrumentScore
  /** PHQ-9 item 9 > 0: crisis resources first, and a clinic follows up the same day (§4). */
  hasSelfHarmThoughts: boolean
  phq9Lines: SummaryLine[]
  historyLines: SummaryLine[]
  safetyLines: SummaryLine[]
  /** Neutral topics to raise with a provider, drawn from the answers. */
  talkingPoints: string[]
}

const labelOf = (choices: readonly { value: string; label: string }[], value: string) =>
  choices.find((c) => c.value === value)?.label ?? value

/** Throws DomainValidationError (from the PHQ-9 scorer) when an item is missing or out of range. */
export function summarizeSelfCheck(answers: SelfCheckAnswers): SelfCheckSummary {
  const score = phq9.score(answers.phq9 as Answers)
  const item9 = answers.phq9.phq9_9 ?? 0
  const phq9Lines = phq9.items.map((item) => ({
    question: item.label,
    answer: item.options.find((o) => o.value === answers.phq9[item.id])?.label ?? '—',
  }))
  const trials = answers.antidepressantTrials
  const longTrials = trials.filter((t) => t.duration === 'over-6-weeks').length
  const historyLines: SummaryLine[] = [
    { question: 'Antidepressants tried, now or in the past', answer: String(trials.length) },
    ...trials.map((t, i) => ({
      question: `Antidepressant ${i + 1}${t.name.trim() ? ` (${t.name.trim()})` : ''}`,
      answer: `taken for ${labelOf(trialDurations, t.duration).toLowerCase()}`,
    })),
    { question: 'Talk therapy tried', answer: labelOf(yesNoUnsure, answers.therapyTried) },
  ]
  const safetyLines = safetyQuestions.map((q) => ({
    question: q.label,
    answer: labelOf(q.choices, answers.safety[q.id]),
  }))
  const talkingPoints: string[] = []
  if (item9 > 0) {
    talkingPoints.push(
      'Tell your provider as soon as you can about your thoughts of death or of hurting yourself.',
    )
  }
  if (score.total >= 10) {
    talkingPoints.push(
      `Your PHQ-9 score is ${score.total} (${score.band?.label.toLowerCase()}). Ask how your depression is being treated now.`,
    )
  }
  if (trials.length >= 2) {
    talkingPoints.push(
      longTrials >= 2
        ? 'You took two or more antidepressants for more than six weeks each. Ask if your depression counts as "treatment-resistant".'
        : 'You have tried two or more antidepressants. Ask if you took them long enough, and at a high enough dose, to know if they work.',
    )
  }
  const flaggedSafety = safetyQuestions.filter(
    (q) => answers.safety[q.id] === 'yes' || answers.safety[q.id] === 'not-sure',
  )
  if (flaggedSafety.length > 0) {
    talkingPoints.push(
      'Some of your health answers ("Yes" or "Not sure") can make ketamine less safe. Go over them with your provider.',
    )
  }
  talkingPoints.push('Ask which treatments, ketamine or others, might suit you, and what their risks are.')
  return {
    score,
    hasSelfHarmThoughts: item9 > 0,
    phq9Lines,
    historyLines,
    safetyLines,
    talkingPoints,
  }
}
