import type { Answers, Instrument } from './types'

/** Answers giving every item of an instrument the same value (for boundary examples). */
export function answerAll(instrument: Instrument, value: number): Answers {
  return Object.fromEntries(instrument.items.map((item) => [item.id, value]))
}

/** Answers from a list of values in item order. */
export function answerInOrder(instrument: Instrument, values: readonly number[]): Answers {
  return Object.fromEntries(instrument.items.map((item, index) => [item.id, values[index] ?? null]))
}

/** Fills the first items up to `total` points, each item taking as many as its maximum allows. */
export function answersForTotal(instrument: Instrument, total: number): Answers {
  let remaining = total
  const answers: Record<string, number> = {}
  for (const item of instrument.items) {
    const values = item.options.map((o) => Number(o.value))
    const min = Math.min(...values)
    const take = Math.min(Math.max(...values) - min, remaining)
    answers[item.id] = min + take
    remaining -= take
  }
  return answers
}
