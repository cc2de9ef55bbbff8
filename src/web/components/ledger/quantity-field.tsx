import { Group, SegmentedControl, Text, TextInput } from '@mantine/core'
import type { Lot } from '../../api/ledger'
import { formatMg, isMgText, mgInUnits, unitsToMg } from './ledger-format'

export interface QuantityDraft {
  amount: string
  isInUnits: boolean
}

export const emptyQuantity: QuantityDraft = { amount: '', isInUnits: false }

/** The draft as exact mg text for the API; null when it cannot be read as a quantity. */
export function draftToMg(lot: Pick<Lot, 'strengthMg'>, draft: QuantityDraft): string | null {
  const amount = draft.amount.trim()
  if (!isMgText(amount)) return null
  return draft.isInUnits ? unitsToMg(lot, amount) : amount
}

interface QuantityFieldProps {
  lot: Pick<Lot, 'strengthMg' | 'unit'>
  label: string
  value: QuantityDraft
  onChange: (value: QuantityDraft) => void
  error?: string | undefined
  description?: string
}

/**
 * A quantity typed in mg, or in the lot's own units (mL of solution, nasal spray devices) and
 * converted exactly; the other unit is shown beside it so the nurse sees what will be recorded.
 */
export function QuantityField({ lot, label, value, onChange, error, description }: QuantityFieldProps) {
  const mg = draftToMg(lot, value)
  const echo =
    mg === null
      ? value.amount.trim()
        ? 'Not a number this ledger can record (at most 6 decimals)'
        : ''
      : value.isInUnits
        ? `= ${formatMg(mg)}`
        : `= ${mgInUnits(lot, mg) ?? ''}`
  return (
    <TextInput
      label={label}
      description={description}
      value={value.amount}
      onChange={(event) => onChange({ ...value, amount: event.currentTarget.value.replace(/[^\d.]/g, '') })}
      inputMode="decimal"
      error={error}
      size="md"
      rightSection={
        <Text size="sm" c="dimmed">
          {value.isInUnits ? (lot.unit === 'mL' ? 'mL' : 'dev') : 'mg'}
        </Text>
      }
      inputContainer={(input) => (
        <Group gap="sm" wrap="nowrap" align="center">
          <div style={{ flex: '0 1 200px' }}>{input}</div>
          <SegmentedControl
            aria-label={`${label} unit`}
            value={value.isInUnits ? 'units' : 'mg'}
            onChange={(unit) => onChange({ ...value, isInUnits: unit === 'units' })}
            data={[
              { value: 'mg', label: 'mg' },
              { value: 'units', label: lot.unit === 'mL' ? 'mL' : 'devices' },
            ]}
          />
          <Text size="sm" c={mg === null && value.amount.trim() ? 'red' : 'dimmed'}>
            {echo}
          </Text>
        </Group>
      )}
    />
  )
}
