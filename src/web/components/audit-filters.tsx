import { Button, Group, SimpleGrid, TextInput } from '@mantine/core'
import { type FormEvent, useState } from 'react'
import { DayRangeInputs, isReversedRange } from './day-range-inputs'

export interface AuditFilterValues {
  actor: string
  action: string
  entity: string
  /** Calendar days, YYYY-MM-DD, in the clinic's time zone. */
  from: string
  to: string
}

export const emptyAuditFilters: AuditFilterValues = { actor: '', action: '', entity: '', from: '', to: '' }

interface AuditFiltersProps {
  applied: AuditFilterValues
  onApply: (values: AuditFilterValues) => void
}

const textFilters = [
  { key: 'actor', label: 'Actor e-mail', placeholder: 'Part of an e-mail' },
  { key: 'action', label: 'Action', placeholder: 'e.g. user.update' },
  { key: 'entity', label: 'Entity', placeholder: 'e.g. user' },
] as const

export function AuditFilters({ applied, onApply }: AuditFiltersProps) {
  const [values, setValues] = useState(applied)
  const change = (changes: Partial<AuditFilterValues>) => setValues((current) => ({ ...current, ...changes }))

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (isReversedRange(values)) return
    onApply({
      ...values,
      actor: values.actor.trim(),
      action: values.action.trim(),
      entity: values.entity.trim(),
    })
  }

  return (
    <form onSubmit={submit} aria-label="Audit log filters">
      <SimpleGrid cols={{ base: 2, sm: 3, md: 5 }} spacing="sm">
        {textFilters.map(({ key, label, placeholder }) => (
          <TextInput
            key={key}
            label={label}
            placeholder={placeholder}
            value={values[key]}
            onChange={(event) => change({ [key]: event.currentTarget.value })}
          />
        ))}
        <DayRangeInputs
          value={values}
          onChange={change}
          labels={{ from: 'From', to: 'To' }}
          reversedMessage="Must be on or after From"
        />
      </SimpleGrid>
      <Group gap="sm" mt="sm">
        <Button type="submit">Apply filters</Button>
        <Button
          variant="default"
          onClick={() => {
            setValues(emptyAuditFilters)
            onApply(emptyAuditFilters)
          }}
        >
          Clear filters
        </Button>
      </Group>
    </form>
  )
}
