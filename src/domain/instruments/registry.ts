import { DomainValidationError } from '../errors'
import { aldrete } from './aldrete'
import { bprs4 } from './bprs4'
import { cadss } from './cadss'
import { cssrsScreen } from './cssrs-screen'
import { gad7 } from './gad7'
import { hamd17 } from './hamd17'
import { madrs } from './madrs'
import { moaas } from './moaas'
import { phq9 } from './phq9'
import { qidsSr16 } from './qids-sr16'
import type { Answers, Instrument, InstrumentScore } from './types'

/** Every instrument of clinical-reference §4, in the order the reference lists them. */
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

export function findInstrument(id: string): Instrument | undefined {
  return instruments.find((instrument) => instrument.id === id)
}

/** Like findInstrument, but an unknown id is invalid input (field `instrumentId`). */
export function getInstrument(id: string): Instrument {
  const instrument = findInstrument(id)
  if (!instrument) {
    throw new DomainValidationError(
      'instrumentId',
      `unknown instrument "${id}"; known: ${INSTRUMENT_IDS.join(', ')}`,
    )
  }
  return instrument
}

export function scoreInstrument(id: string, answers: Answers): InstrumentScore {
  return getInstrument(id).score(answers)
}
