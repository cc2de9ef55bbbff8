import type { Instrument, InstrumentItem } from '../../domain/instruments'

// Either/or items (clinical-reference §4, QIDS-SR16 6/7 and 8/9): the respondent answers the one
// that fits and leaves the other blank; the domain scores the higher answer.

const numberOf = (itemId: string) => /_(\d+)$/.exec(itemId)?.[1] ?? itemId

/** "Answer item 6 or 7 (appetite: decreased or increased) …", or null for an ordinary item. */
export function eitherOrNote(instrument: Instrument, item: InstrumentItem): string | null {
  const group = instrument.eitherOr?.find((g) => g.itemIds.includes(item.id))
  if (!group) return null
  const numbers = group.itemIds.map(numberOf)
  return `Answer item ${numbers.join(' or ')} (${group.label}), whichever applies; the other may stay blank. If both are answered, the higher counts.`
}

/** For the portal: the patient-facing words on an either/or question, or null. */
export function eitherOrPatientNote(
  instrument: Instrument,
  item: InstrumentItem,
  isOptional: boolean,
): string | null {
  const group = instrument.eitherOr?.find((g) => g.itemIds.includes(item.id))
  if (!group) return null
  const others = group.itemIds.filter((id) => id !== item.id)
  const otherLabels = others
    .map((id) => instrument.items.find((i) => i.id === id)?.label.toLowerCase() ?? id)
    .join(' or ')
  if (isOptional) return `You answered the question about ${otherLabels}, so you can skip this one.`
  const isLast = group.itemIds.at(-1) === item.id
  return isLast
    ? `Please answer this one: you skipped the question about ${otherLabels}.`
    : `Answer this question or the next one (${otherLabels}), whichever fits you. You can skip the one that does not.`
}
