import { Badge, Button, Group, Paper, Stack, Text, TextInput, ThemeIcon } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { type DeadlineState, type LossReport, useMarkLossStep } from '../../api/ledger'
import { formatCalendarDate } from '../../lib/age'
import { formatDateTime } from '../../lib/time'
import { MutationError } from '../mutation-error'
import { fromLocalInput, toLocalInput } from './datetime'
import { fieldError } from './field-messages'
import { formatMg } from './ledger-format'
import { lossKindLabels } from './loss-report-modal'

const stateBadge: Record<DeadlineState, { color: string; label: string }> = {
  done: { color: 'teal', label: 'Done' },
  due: { color: 'yellow', label: 'Due' },
  overdue: { color: 'red', label: 'Overdue' },
}

type Step = 'dea-notice' | 'form-106'

/** One of a loss report's two DEA deadlines. */
interface Deadline {
  step: Step
  label: string
  dueOn: string
  state: DeadlineState
  doneAt: string | null
  reference: string | null
}

interface LossReportCardProps {
  clinicId: string
  report: LossReport
  canWrite: boolean
  timeZone: string | undefined
}

/** One loss report with its two DEA deadlines as a checklist, each marked done when sent. */
export function LossReportCard(props: LossReportCardProps) {
  const { report, timeZone } = props
  const steps: Deadline[] = [
    {
      step: 'dea-notice',
      label: 'Written notice to the DEA Field Division (1 business day)',
      dueOn: report.deaNoticeDueOn,
      state: report.deaNoticeState,
      doneAt: report.noticeSentAt,
      reference: report.noticeReference,
    },
    {
      step: 'form-106',
      label: 'DEA Form 106 filed (45 days)',
      dueOn: report.form106DueOn,
      state: report.form106State,
      doneAt: report.form106FiledAt,
      reference: report.form106Reference,
    },
  ]
  const isOverdue = steps.some((s) => s.state === 'overdue')
  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      style={isOverdue ? { borderColor: 'var(--mantine-color-red-6)', borderWidth: 2 } : undefined}
      aria-label={`Loss report, lot ${report.lotNumber}`}
      component="section"
    >
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <Stack gap={2}>
            <Group gap="xs">
              <Badge color="red" variant="light">
                {lossKindLabels[report.kind]}
              </Badge>
              <Text fw={700}>
                {formatMg(report.quantityMg)} · lot {report.lotNumber}
              </Text>
            </Group>
            <Text size="sm" c="dimmed">
              Discovered {formatDateTime(report.discoveredAt, timeZone)}
            </Text>
          </Stack>
          {isOverdue && (
            <Badge color="red" variant="filled">
              Deadline overdue
            </Badge>
          )}
        </Group>
        <Text size="sm">{report.description}</Text>
        <Stack gap="xs">
          {steps.map((s) => (
            <DeadlineRow key={s.step} {...props} {...s} />
          ))}
        </Stack>
      </Stack>
    </Paper>
  )
}

type DeadlineRowProps = LossReportCardProps & Deadline

function DeadlineRow(props: DeadlineRowProps) {
  const { clinicId, report, canWrite, timeZone, step, label, dueOn, state, doneAt, reference } = props
  const mark = useMarkLossStep(clinicId)
  const queryClient = useQueryClient()
  const [isEditing, setIsEditing] = useState(false)
  const [at, setAt] = useState(toLocalInput())
  const [ref, setRef] = useState('')
  const badge = stateBadge[state]

  const save = () => {
    const iso = fromLocalInput(at)
    if (!iso) return
    mark.mutate(
      { reportId: report.id, step, at: iso, reference: ref.trim() || null, version: report.version },
      {
        onSuccess: () => {
          setIsEditing(false)
          notifications.show({ color: 'teal', message: `${label.replace(/ \(.*\)$/, '')}: marked done.` })
        },
      },
    )
  }

  return (
    <Paper p="sm" radius="sm" bg={state === 'overdue' ? 'red.0' : state === 'done' ? 'gray.0' : 'yellow.0'}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" gap="sm">
          <Group gap="sm" wrap="nowrap">
            <ThemeIcon
              color={badge.color}
              variant={state === 'done' ? 'filled' : 'light'}
              radius="xl"
              size="md"
            >
              {state === 'done' ? '✓' : '!'}
            </ThemeIcon>
            <Stack gap={0}>
              <Text size="sm" fw={600}>
                {label}
              </Text>
              <Text size="xs" c={state === 'overdue' ? 'red.8' : 'dimmed'}>
                {state === 'done' && doneAt
                  ? `Done ${formatDateTime(doneAt, timeZone)}${reference ? ` · ${reference}` : ''}`
                  : `Due ${formatCalendarDate(dueOn)}`}
              </Text>
            </Stack>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <Badge
              color={badge.color}
              variant={state === 'done' ? 'light' : 'filled'}
              c={state === 'due' ? 'dark' : undefined}
            >
              {badge.label}
            </Badge>
            {canWrite && state !== 'done' && !isEditing && (
              <Button size="xs" variant="light" onClick={() => setIsEditing(true)}>
                Mark done
              </Button>
            )}
          </Group>
        </Group>
        {isEditing && (
          <Group align="flex-end" gap="sm">
            <TextInput
              label={step === 'dea-notice' ? 'Sent at' : 'Filed at'}
              type="datetime-local"
              value={at}
              max={toLocalInput()}
              onChange={(e) => setAt(e.currentTarget.value)}
              error={fieldError(mark.error, 'at')}
              size="sm"
            />
            <TextInput
              label="Reference (optional)"
              placeholder={
                step === 'dea-notice' ? 'e.g. e-mailed to the Field Division' : 'Confirmation number'
              }
              value={ref}
              onChange={(e) => setRef(e.currentTarget.value)}
              error={fieldError(mark.error, 'reference')}
              size="sm"
              style={{ flex: 1, minWidth: 200 }}
            />
            <Button size="sm" onClick={save} loading={mark.isPending}>
              Save
            </Button>
            <Button size="sm" variant="default" onClick={() => setIsEditing(false)}>
              Cancel
            </Button>
          </Group>
        )}
        <MutationError
          mutation={mark}
          placedFields={['at', 'reference']}
          onReload={() =>
            void queryClient.invalidateQueries({ queryKey: ['clinics', clinicId, 'ledger', 'loss-reports'] })
          }
        />
      </Stack>
    </Paper>
  )
}
