import { DomainValidationError } from '../../domain/errors'
import {
  type Answers,
  type AnswerValue,
  findInstrument,
  INSTRUMENT_IDS,
  type Instrument,
  type InstrumentScore,
  instruments,
} from '../../domain/instruments'
import type { CliCommand, CliIo } from '../command'
import { parseOptions, UsageError } from '../command'

const isYesNoInstrument = (instrument: Instrument) =>
  instrument.items.every((item) => item.options.every((o) => typeof o.value === 'boolean'))

/** Turns one comma-separated token into an answer, naming the item when it cannot be read. */
function parseToken(instrument: Instrument, index: number, token: string): AnswerValue {
  const item = instrument.items[index]!
  const where = `item ${item.id} (answer ${index + 1})`
  if (token === '-' || token === '') return null
  if (isYesNoInstrument(instrument)) {
    const lower = token.toLowerCase()
    if (lower === 'y') return true
    if (lower === 'n') return false
    throw new UsageError(`${where}: expected y, n or - (not asked), got "${token}"`)
  }
  if (!/^-?\d+$/.test(token)) throw new UsageError(`${where}: expected a whole number, got "${token}"`)
  return Number(token)
}

function parseAnswers(instrument: Instrument, text: string): Answers {
  const tokens = text.split(',').map((t) => t.trim())
  const count = instrument.items.length
  if (tokens.length !== count) {
    const ids = instrument.items.map((i) => i.id).join(', ')
    throw new UsageError(`${instrument.id} expects ${count} answers (${ids}), got ${tokens.length}`)
  }
  return Object.fromEntries(
    instrument.items.map((item, i) => [item.id, parseToken(instrument, i, tokens[i]!)]),
  )
}

function scoreAnswers(instrument: Instrument, answers: Answers): InstrumentScore {
  try {
    return instrument.score(answers)
  } catch (error) {
    if (!(error instanceof DomainValidationError)) throw error
    const itemId = error.field.replace(/^items\./, '')
    const index = instrument.items.findIndex((item) => item.id === itemId)
    const where = index >= 0 ? `item ${itemId} (answer ${index + 1})` : error.field
    throw new UsageError(`${where} ${error.reason}`)
  }
}

function printList(io: CliIo, asJson: boolean): void {
  const rows = instruments.map((i) => ({
    id: i.id,
    name: i.name,
    items: i.items.length,
    respondent: i.respondent,
  }))
  if (asJson) {
    io.out(`${JSON.stringify(rows)}\n`)
    return
  }
  io.out(`${'id'.padEnd(14)}${'name'.padEnd(34)}${'items'.padEnd(7)}respondent\n`)
  for (const r of rows)
    io.out(`${r.id.padEnd(14)}${r.name.padEnd(34)}${String(r.items).padEnd(7)}${r.respondent}\n`)
}

function printScore(io: CliIo, instrument: Instrument, result: InstrumentScore): void {
  const { min, max } = instrument.totalRange
  io.out(`${instrument.name} (${instrument.id})\n`)
  io.out(`Total: ${result.total} (range ${min}–${max})\n`)
  io.out(`Band: ${result.band ? `${result.band.label} (${result.band.id})` : 'none defined'}\n`)
  const subscales = Object.entries(result.subscales)
  if (subscales.length > 0)
    io.out(`Subscales: ${subscales.map(([name, value]) => `${name} ${value}`).join(', ')}\n`)
  if (result.flags.length === 0) io.out('Flags: none\n')
  else for (const f of result.flags) io.out(`FLAG [${f.severity}] ${f.id}: ${f.message}\n`)
}

export const scoreCommand: CliCommand = {
  name: 'score',
  summary: 'score a rating scale (PHQ-9, MADRS, C-SSRS …) from its answers',
  help: `Usage: ketacare score <instrument-id> --answers <a1,a2,…> [--json]
       ketacare score --list [--json]

Scores one instrument and prints the total, severity band, subscales and flags: the suicide-risk
flag of PHQ-9 item 9, QIDS-SR16 item 12, MADRS item 10 and HAM-D17 item 3 at the warning/urgent
levels of clinical-reference §4 (the defaults; a clinic's own levels apply in the app), and the
C-SSRS risk. Answers are given in item order, comma-separated: numbers for rating scales, and
y / n / - (not asked) for the C-SSRS screener, whose skip logic applies (item 2 = n means items 3–5
are "-"; the last answer is item 6's "within 3 months", "-" when item 6 = n). QIDS-SR16 items 6/7
and 8/9 are either/or: give one of each pair and "-" for the other.

Options:
  --answers <list>  the answers, e.g. 0,1,2,3,0,1,2,0,0 for phq9
  --list            list the instruments: id, name, number of items, respondent
  --json            machine-readable output

Instruments: ${INSTRUMENT_IDS.join(', ')}
Exits 2 with a message naming the item when an answer is missing or out of range.`,
  run: async (argv, io) => {
    const { values, positionals } = parseOptions(argv, {
      answers: { type: 'string' },
      list: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    })
    if (values.list) {
      printList(io, values.json)
      return 0
    }
    const [id, ...extra] = positionals
    if (!id) throw new UsageError(`name an instrument (${INSTRUMENT_IDS.join(', ')}) or use --list`)
    if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`)
    const instrument = findInstrument(id)
    if (!instrument) throw new UsageError(`unknown instrument "${id}"; known: ${INSTRUMENT_IDS.join(', ')}`)
    if (values.answers === undefined) throw new UsageError('--answers is required')
    const result = scoreAnswers(instrument, parseAnswers(instrument, values.answers))
    if (values.json) io.out(`${JSON.stringify({ name: instrument.name, ...result })}\n`)
    else printScore(io, instrument, result)
    return 0
  },
}
