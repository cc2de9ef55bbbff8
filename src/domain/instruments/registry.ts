import { DomainValidationError } from '../errors'
import { aldrete } from './aldrete'
import { bprs4 } from './bprs4'
import { cadss } from './cadss'
import { type CssrsRiskConfig, createCssrsScreen, cssrsScreen } from './cssrs-screen'
import { gad7 } from './gad7'
import { createHamd17, hamd17 } from './hamd17'
import { createMadrs, madrs } from './madrs'
import { moaas } from './moaas'
import { createPhq9, phq9 } from './phq9'
import { createQidsSr16, qidsSr16 } from './qids-sr16'
import type { SuicidalIdeationSettings } from './suicidal-ideation'
import type { Answers, Instrument, InstrumentScore } from './types'

/** A clinic's settings that change how instruments flag; anything left out keeps the §4 default. */
export interface InstrumentSettings {
  suicidalIdeation?: SuicidalIdeationSettings
  cssrsRisk?: CssrsRiskConfig
}

/** Every instrument of clinical-reference §4 with the default settings, in the reference's order. */
export const instruments: readonly Instrument[] = [
  phq9,
  gad7,
  madrs,
  qidsSr16,
  cssrsScreen,
  moaas,
  aldrete,
  cadss,
  bprs4,
  hamd17,
]

export const INSTRUMENT_IDS = [
  'phq9',
  'gad7',
  'madrs',
  'qids-sr16',
  'cssrs-screen',
  'moaas',
  'aldrete',
  'cadss',
  'bprs4',
  'hamd17',
] as const

export type InstrumentId = (typeof INSTRUMENT_IDS)[number]

export function isInstrumentId(id: string): id is InstrumentId {
  return (INSTRUMENT_IDS as readonly string[]).includes(id)
}

/** The instruments whose flags depend on clinic settings, built from them. */
const configurable: Readonly<Record<string, (settings: InstrumentSettings) => Instrument>> = {
  phq9: (s) => createPhq9(s.suicidalIdeation),
  madrs: (s) => createMadrs(s.suicidalIdeation),
  'qids-sr16': (s) => createQidsSr16(s.suicidalIdeation),
  hamd17: (s) => createHamd17(s.suicidalIdeation),
  'cssrs-screen': (s) => (s.cssrsRisk ? createCssrsScreen(s.cssrsRisk) : cssrsScreen),
}

/** The instrument with the given id, built with a clinic's settings when they are given. */
export function findInstrument(id: string, settings?: InstrumentSettings): Instrument | undefined {
  const build = configurable[id]
  if (settings && build) return build(settings)
  return instruments.find((instrument) => instrument.id === id)
}

/** Like findInstrument, but an unknown id is invalid input (field `instrumentId`). */
export function getInstrument(id: string, settings?: InstrumentSettings): Instrument {
  const instrument = findInstrument(id, settings)
  if (!instrument) {
    throw new DomainValidationError(
      'instrumentId',
      `unknown instrument "${id}"; known: ${INSTRUMENT_IDS.join(', ')}`,
    )
  }
  return instrument
}

export function scoreInstrument(
  id: string,
  answers: Answers,
  settings?: InstrumentSettings,
): InstrumentScore {
  return getInstrument(id, settings).score(answers)
}
