import { Button, Group, SimpleGrid, TextInput } from '@mantine/core'
import { DateInput } from '@mantine/dates'
import { type FormEvent, useState } from 'react'

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

export function AuditFilters({ applied, onApply }: AuditFiltersProps) {
  const [values, setValues] = useState(applied)
  const set = (key: keyof AuditFilterValues) => (value: string | null) =>
    setValues((current) => ({ ...current, [key]: value ?? '' }))
  const isReversed = values.from !== '' && values.to !== '' && values.from > values.to

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (isReversed) return
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
        <TextInput
          label="Actor e-mail"
          placeholder="Part of an e-mail"
          value={values.actor}
          onChange={(event) => set('actor')(event.currentTarget.value)}
        />
        <TextInput
          label="Action"
          placeholder="e.g. user.update"
          value={values.action}
          onChange={(event) => set('action')(event.currentTarget.value)}
        />
        <TextInput
          label="Entity"
          placeholder="e.g. user"
          value={values.entity}
          onChange={(event) => set('entity')(event.currentTarget.value)}
        />
        <DateInput
          label="From"
          placeholder="YYYY-MM-DD"
          valueFormat="YYYY-MM-DD"
          value={values.from || null}
          onChange={set('from')}
          clearable
        />
        <DateInput
          label="To"
          placeholder="YYYY-MM-DD"
          valueFormat="YYYY-MM-DD"
          value={values.to || null}
          onChange={set('to')}
          error={isReversed ? 'Must be on or after From' : undefined}
          clearable
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
