/** One answer: a numeric rating, a yes/no (C-SSRS), or null for "not asked / not answered". */
export type AnswerValue = number | boolean | null

/** Answers keyed by item id (e.g. `phq9_9`). Missing and null both mean "no answer". */
export type Answers = Readonly<Record<string, AnswerValue>>

export type Respondent = 'patient' | 'clinician'

export interface AnswerOption {
  value: number | boolean
  label: string
}

export interface InstrumentItem {
  id: string
  /** Our own concise wording, or the item name only where the licence requires (§4 "Licensing"). */
  label: string
  options: readonly AnswerOption[]
  /** LOINC code of the item, where clinical-reference §4 gives one. */
  loinc?: string
}

export interface ScoreBand {
  id: string
  label: string
  /** Inclusive total range of the band. */
  minTotal: number
  maxTotal: number
}

export type FlagSeverity = 'info' | 'warning' | 'urgent'

export interface ScoreFlag {
  id: string
  severity: FlagSeverity
  message: string
}

export interface InstrumentScore {
  instrumentId: string
  total: number
  /** Named subtotals (CADSS subjective/observer, QIDS-SR16 domains); empty when none apply. */
  subscales: Readonly<Record<string, number>>
  /** Null where clinical-reference §4 defines no severity bands (Aldrete, CADSS, BPRS-4). */
  band: { id: string; label: string } | null
  flags: readonly ScoreFlag[]
}

export interface InstrumentLoinc {
  panel?: string
  total?: string
}

/** Items of which one answer is enough: the others may be left blank (QIDS-SR16 items 6/7, 8/9, §4). */
export interface EitherOrGroup {
  itemIds: readonly string[]
  /** What the pair asks about, for messages ("appetite: decreased or increased"). */
  label: string
}

export interface Instrument {
  id: string
  name: string
  respondent: Respondent
  items: readonly InstrumentItem[]
  totalRange: { min: number; max: number }
  bands: readonly ScoreBand[]
  loinc?: InstrumentLoinc
  /** Either/or item groups; an item outside every group must always be answered. */
  eitherOr?: readonly EitherOrGroup[]
  /** Throws DomainValidationError naming the item (`items.<id>`) for incomplete or invalid answers. */
  score: (answers: Answers) => InstrumentScore
}
