import { Badge, Button, Group, Paper, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core'
import type { UseMutationResult, UseQueryResult } from '@tanstack/react-query'
import { type FormEvent, type ReactNode, useState } from 'react'
import { remsInputLimits } from '../../../domain/rems'
import type { RemsEntries, RemsEntryInput } from '../../api/rems'
import { formatCalendarDate } from '../../lib/age'
import { useClinicalForm } from '../clinical-form'
import { MutationError } from '../mutation-error'
import { ErrorAlert, PageLoader } from '../page-status'

interface RemsEntryCardProps {
  title: string
  /** One line under the title: what this record is for. */
  description: ReactNode
  identifierLabel: string
  dateLabel: string
  /** Shown when nothing is recorded yet. */
  missingText: string
  /** The submit button of a first entry ("Record enrolment"). */
  recordLabel: string
  entries: UseQueryResult<RemsEntries>
  record: UseMutationResult<RemsEntries, Error, RemsEntryInput>
  canRecord: boolean
  /** Today's date on the clinic's wall clock: the latest date that may be entered. */
  today: string
}

/**
 * One REMS record (the clinic's certification or a patient's enrolment): what is in force, the
 * earlier entries, and a form that appends a new one. A correction needs a reason; nothing is
 * overwritten (clinical-reference §3).
 */
export function RemsEntryCard(props: RemsEntryCardProps) {
  const { entries, record, canRecord } = props
  const [isFormOpen, setFormOpen] = useState(false)
  const { form, values, field } = useClinicalForm(
    { identifier: '', effectiveOn: props.today, reason: '' },
    record.error,
  )
  const { identifier, effectiveOn, reason } = values
  if (entries.isPending) return <PageLoader />
  if (entries.isError) return <ErrorAlert error={entries.error} title={`Could not load ${props.title}`} />
  const { current, history } = entries.data
  const isCorrection = current !== null
  const showForm = canRecord && (current === null || isFormOpen)

  const submit = (event: FormEvent) => {
    event.preventDefault()
    record.mutate(
      {
        identifier: identifier.trim(),
        effectiveOn,
        ...(isCorrection ? { correctionReason: reason.trim() || null } : {}),
      },
      {
        onSuccess: () => {
          setFormOpen(false)
          form.setValues({ identifier: '', reason: '' })
        },
      },
    )
  }

  return (
    <Paper withBorder p="md" radius="md" aria-label={props.title} component="section">
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Stack gap={2}>
            <Title order={3} size="h5">
              {props.title}
            </Title>
            <Text size="sm" c="dimmed">
              {props.description}
            </Text>
          </Stack>
          <Badge color={current ? 'teal' : 'red'} size="lg" variant="light" style={{ flexShrink: 0 }}>
            {current ? 'Recorded' : 'Missing'}
          </Badge>
        </Group>
        {current ? (
          <Text size="sm">
            <strong>{current.identifier}</strong> — {props.dateLabel.toLowerCase()}{' '}
            {formatCalendarDate(current.effectiveOn)}; recorded by {current.recordedBy}
          </Text>
        ) : (
          <Text size="sm" c="red.8" fw={500}>
            {props.missingText}
          </Text>
        )}
        {history.length > 1 && (
          <Table fz="sm" aria-label={`${props.title}: earlier entries`}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{props.identifierLabel}</Table.Th>
                <Table.Th>{props.dateLabel}</Table.Th>
                <Table.Th>Recorded by</Table.Th>
                <Table.Th>Correction reason</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {history.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td>{e.identifier}</Table.Td>
                  <Table.Td>{formatCalendarDate(e.effectiveOn)}</Table.Td>
                  <Table.Td>{e.recordedBy}</Table.Td>
                  <Table.Td>{e.correctionReason ?? '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {canRecord && current !== null && !isFormOpen && (
          <Group>
            <Button variant="subtle" size="compact-sm" onClick={() => setFormOpen(true)}>
              Correct this entry
            </Button>
          </Group>
        )}
        {showForm && (
          <Stack gap="sm" component="form" onSubmit={submit} aria-label={`Record ${props.title}`}>
            <Group align="flex-start" gap="md" grow preventGrowOverflow={false}>
              <TextInput
                label={props.identifierLabel}
                {...field('identifier')}
                maxLength={remsInputLimits.identifierMaxLength}
                required
              />
              <TextInput
                type="date"
                label={props.dateLabel}
                {...field('effectiveOn')}
                max={props.today}
                required
              />
            </Group>
            {isCorrection && (
              <Textarea
                label="Reason for the correction"
                description="The earlier entry is kept; this one replaces it."
                {...field('reason', { serverField: 'correctionReason' })}
                autosize
                minRows={2}
                required
              />
            )}
            <MutationError
              error={record.error}
              placedFields={['identifier', 'effectiveOn', 'correctionReason']}
            />
            <Group>
              <Button type="submit" loading={record.isPending} disabled={!identifier.trim() || !effectiveOn}>
                {isCorrection ? 'Record correction' : props.recordLabel}
              </Button>
              {isCorrection && (
                <Button variant="default" onClick={() => setFormOpen(false)}>
                  Cancel
                </Button>
              )}
            </Group>
          </Stack>
        )}
      </Stack>
    </Paper>
  )
}
