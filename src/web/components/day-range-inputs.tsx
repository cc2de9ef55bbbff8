import { DateInput } from '@mantine/dates'

/** Calendar days, YYYY-MM-DD; '' when open. */
interface DayRange {
  from: string
  to: string
}

/** A start after the end: the filter would match nothing, so the form says so. */
export const isReversedRange = ({ from, to }: DayRange) => from !== '' && to !== '' && from > to

interface DayRangeInputsProps {
  value: DayRange
  onChange: (change: Partial<DayRange>) => void
  labels: { from: string; to: string }
  /** Shown under the end when it comes before the start. */
  reversedMessage: string
}

/** A filter's first and last day, as two clearable date fields. */
export function DayRangeInputs({ value, onChange, labels, reversedMessage }: DayRangeInputsProps) {
  const isReversed = isReversedRange(value)
  return (['from', 'to'] as const).map((key) => (
    <DateInput
      key={key}
      label={labels[key]}
      placeholder="YYYY-MM-DD"
      valueFormat="YYYY-MM-DD"
      value={value[key] || null}
      onChange={(day) => onChange({ [key]: day ?? '' })}
      error={key === 'to' && isReversed ? reversedMessage : undefined}
      clearable
    />
  ))
}
