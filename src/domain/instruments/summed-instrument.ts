import { findBand, readNumericAnswer, rejectUnknownItems } from './define-instrument'
import {
  buildSuicidalIdeationFlags,
  defaultSuicidalIdeationSettings,
  type SuicidalIdeationSettingKey,
  type SuicidalIdeationSettings,
} from './suicidal-ideation'
import type {
  Answers,
  Instrument,
  InstrumentItem,
  InstrumentLoinc,
  Respondent,
  ScoreBand,
  ScoreFlag,
} from './types'

export interface SummedInstrumentDefinition {
  id: string
  name: string
  respondent: Respondent
  items: readonly InstrumentItem[]
  bands: readonly ScoreBand[]
  loinc?: InstrumentLoinc
  /** Subscale name → the item ids it sums (e.g. CADSS subjective/observer). */
  subscaleItems?: Readonly<Record<string, readonly string[]>>
  /** Extra flags from the validated item values (e.g. PHQ-9 item 9). */
  buildFlags?: (values: Readonly<Record<string, number>>, total: number) => ScoreFlag[]
}

/** Most instruments are a plain sum of integer ratings; this builds them from data. */
export function defineSummedInstrument(definition: SummedInstrumentDefinition): Instrument {
  const { items } = definition
  const min = items.reduce((sum, item) => sum + Math.min(...item.options.map((o) => Number(o.value))), 0)
  const max = items.reduce((sum, item) => sum + Math.max(...item.options.map((o) => Number(o.value))), 0)
  return {
    id: definition.id,
    name: definition.name,
    respondent: definition.respondent,
    items,
    totalRange: { min, max },
    bands: definition.bands,
    ...(definition.loinc ? { loinc: definition.loinc } : {}),
    score(answers: Answers) {
      rejectUnknownItems(definition.name, items, answers)
      const values: Record<string, number> = {}
      for (const item of items) values[item.id] = readNumericAnswer(item, answers)
      const total = Object.values(values).reduce((sum, value) => sum + value, 0)
      const subscales: Record<string, number> = {}
      for (const [name, ids] of Object.entries(definition.subscaleItems ?? {})) {
        subscales[name] = ids.reduce((sum, id) => sum + (values[id] ?? 0), 0)
      }
      return {
        instrumentId: definition.id,
        total,
        subscales,
        band: findBand(definition.bands, total),
        flags: definition.buildFlags?.(values, total) ?? [],
      }
    },
  }
}

/**
 * A summed instrument with one of the §4 suicidal-ideation items: its builder from a clinic's
 * thresholds for `settingKey` (the §4 defaults when none are given), which raise the flag.
 */
export function defineSummedWithSuicidalIdeation(
  settingKey: SuicidalIdeationSettingKey,
  definition: Omit<SummedInstrumentDefinition, 'buildFlags'>,
): (settings?: SuicidalIdeationSettings) => Instrument {
  return (settings = defaultSuicidalIdeationSettings) =>
    defineSummedInstrument({ ...definition, buildFlags: buildSuicidalIdeationFlags(settingKey, settings) })
}
