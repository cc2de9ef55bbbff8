import { DomainValidationError } from '../errors'
import type { AnswerOption, Answers, EitherOrGroup, InstrumentItem, ScoreBand } from './types'

/** Options 0..max with the given labels (index = value). */
export function buildRatingOptions(labels: readonly string[]): AnswerOption[] {
  return labels.map((label, value) => ({ value, label }))
}

/** Options min..max labelled by their number, with words only at the ends (licensed anchors). */
export function buildNumericOptions(
  min: number,
  max: number,
  minLabel: string,
  maxLabel: string,
): AnswerOption[] {
  const options: AnswerOption[] = []
  for (let value = min; value <= max; value++) {
    const words = value === min ? ` (${minLabel})` : value === max ? ` (${maxLabel})` : ''
    options.push({ value, label: `${value}${words}` })
  }
  return options
}

export function buildItems(
  prefix: string,
  labels: readonly string[],
  options: readonly AnswerOption[],
): InstrumentItem[] {
  return labels.map((label, index) => ({ id: `${prefix}_${index + 1}`, label, options }))
}

/** Rejects answers for ids that are not items, so a typo cannot silently drop an answer. */
export function rejectUnknownItems(
  instrumentName: string,
  items: readonly InstrumentItem[],
  answers: Answers,
) {
  const known = new Set(items.map((item) => item.id))
  for (const key of Object.keys(answers)) {
    if (!known.has(key))
      throw new DomainValidationError(`items.${key}`, `is not an item of ${instrumentName}`)
  }
}

/** Returns the answer if it is one of the item's option values; throws naming the item otherwise. */
export function readAnswer(item: InstrumentItem, answers: Answers): number | boolean {
  const value = answers[item.id]
  const field = `items.${item.id}`
  if (value === undefined || value === null) throw new DomainValidationError(field, 'is required')
  if (!item.options.some((option) => option.value === value)) {
    const allowed = item.options.map((option) => String(option.value)).join(', ')
    throw new DomainValidationError(field, `must be one of ${allowed}, got ${String(value)}`)
  }
  return value
}

export function readNumericAnswer(item: InstrumentItem, answers: Answers): number {
  const value = readAnswer(item, answers)
  if (typeof value !== 'number') throw new DomainValidationError(`items.${item.id}`, 'must be a number')
  return value
}

export function findBand(bands: readonly ScoreBand[], total: number): { id: string; label: string } | null {
  const band = bands.find((b) => total >= b.minTotal && total <= b.maxTotal)
  return band ? { id: band.id, label: band.label } : null
}

const isGiven = (answers: Answers, id: string) => answers[id] !== undefined && answers[id] !== null

/** True when the item may stay blank because another item of its either/or group is answered. */
export function isItemOptional(
  instrument: { eitherOr?: readonly EitherOrGroup[] },
  itemId: string,
  answers: Answers,
): boolean {
  const group = instrument.eitherOr?.find((g) => g.itemIds.includes(itemId))
  return group?.itemIds.some((id) => id !== itemId && isGiven(answers, id)) ?? false
}

/**
 * Reads every item as a number, or null for a blank either/or item; a group with no answer at all
 * is an error on its first item that names the whole group (checked in item order, like the rest).
 */
export function readNumericAnswers(
  items: readonly InstrumentItem[],
  answers: Answers,
  eitherOr: readonly EitherOrGroup[] = [],
): Record<string, number | null> {
  const values: Record<string, number | null> = {}
  for (const item of items) {
    const group = eitherOr.find((g) => g.itemIds.includes(item.id))
    if (group && !isGiven(answers, item.id)) {
      if (!group.itemIds.some((id) => isGiven(answers, id))) {
        const others = group.itemIds.filter((id) => id !== item.id)
        throw new DomainValidationError(
          `items.${item.id}`,
          `is required, or its pair ${others.join(', ')} (${group.label}): answer one of them`,
        )
      }
      values[item.id] = null
    } else {
      values[item.id] = readNumericAnswer(item, answers)
    }
  }
  return values
}
