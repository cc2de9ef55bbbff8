import {
  Badge,
  Button,
  Checkbox,
  Divider,
  Group,
  NumberInput,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core'
import type { FormEvent } from 'react'
import {
  CONTRAINDICATION_QUESTIONS,
  type ContraindicationSeverity,
  type EpisodeSeverity,
} from '../../../domain/eligibility'
import type { Ect } from '../../api/history'
import { useSaveScreening } from '../../api/history'
import { fieldError, MutationError } from '../../components/mutation-error'
import { optionsOf, severityLabels } from '../../lib/intake-labels'

export interface ScreeningDraft {
  answers: Record<string, boolean | null>
  episodeDurationMonths: number | string
  severity: EpisodeSeverity | null
  ect: Ect
}

const yesNo = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
]

const ectChecks: { key: keyof Ect; label: string }[] = [
  { key: 'used', label: 'ECT used' },
  { key: 'bilateral', label: 'Bilateral ECT' },
  { key: 'failed', label: 'ECT failed' },
]

/** How a contraindication's severity shows: its badge, and the colour of its explanation once answered yes. */
const severityLooks: Record<ContraindicationSeverity, { color: string; label: string; textColor: string }> = {
  absolute: { color: 'red', label: 'Absolute', textColor: 'red.8' },
  caution: { color: 'grape', label: 'Caution', textColor: 'grape.8' },
  relative: { color: 'yellow', label: 'Relative', textColor: 'orange.8' },
}

interface ScreeningFormProps {
  clinicId: string
  patientId: string
  draft: ScreeningDraft
  onChange: (draft: ScreeningDraft) => void
  version: number
  canWrite: boolean
  onReload: () => void
}

/** The current episode, ECT and the contraindication screen: one record saved with its version. */
export function ScreeningForm({
  clinicId,
  patientId,
  draft,
  onChange,
  version,
  canWrite,
  onReload,
}: ScreeningFormProps) {
  const save = useSaveScreening(clinicId, patientId)
  const setEct = (change: Partial<Ect>) => {
    const ect = { ...draft.ect, ...change }
    // ECT cannot be bilateral or failed without having been used.
    if (!ect.used) Object.assign(ect, { bilateral: false, failed: false })
    onChange({ ...draft, ect })
  }
  const submit = (event: FormEvent) => {
    event.preventDefault()
    save.mutate({
      contraindicationAnswers: draft.answers,
      episodeDurationMonths: draft.episodeDurationMonths === '' ? null : Number(draft.episodeDurationMonths),
      severity: draft.severity,
      ect: draft.ect,
      version,
    })
  }
  const answered = CONTRAINDICATION_QUESTIONS.filter((q) => typeof draft.answers[q.id] === 'boolean').length

  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      component="form"
      onSubmit={submit}
      aria-label="Episode and screening"
    >
      <fieldset disabled={!canWrite} style={{ border: 0, padding: 0, margin: 0 }}>
        <Stack gap="md">
          <Title order={3} size="h5">
            Current episode and ECT
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <NumberInput
              label="Episode duration (months)"
              value={draft.episodeDurationMonths}
              onChange={(value) => onChange({ ...draft, episodeDurationMonths: value })}
              error={fieldError(save.error, 'episodeDurationMonths')}
              min={0}
              max={1200}
              allowDecimal={false}
            />
            <Select
              label="Episode severity"
              data={optionsOf(severityLabels)}
              value={draft.severity}
              onChange={(value) => onChange({ ...draft, severity: value as EpisodeSeverity | null })}
              error={fieldError(save.error, 'severity')}
            />
          </SimpleGrid>
          <Group gap="xl">
            {ectChecks.map((c) => (
              <Checkbox
                key={c.key}
                label={c.label}
                size="md"
                checked={draft.ect[c.key]}
                disabled={c.key !== 'used' && !draft.ect.used}
                onChange={(e) => setEct({ [c.key]: e.currentTarget.checked })}
              />
            ))}
          </Group>
          <Divider />
          <Group justify="space-between">
            <Title order={3} size="h5">
              Contraindication screen
            </Title>
            <Text size="sm" c="dimmed">
              {answered} of {CONTRAINDICATION_QUESTIONS.length} answered
            </Text>
          </Group>
          <Stack gap={0}>
            {CONTRAINDICATION_QUESTIONS.map((q) => {
              const answer = draft.answers[q.id]
              const labelId = `ci-${q.id}`
              return (
                <Group
                  key={q.id}
                  justify="space-between"
                  wrap="nowrap"
                  py={8}
                  style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}
                  role="group"
                  aria-labelledby={labelId}
                >
                  <Stack gap={2}>
                    <Text size="sm" id={labelId}>
                      {q.question}
                    </Text>
                    <Group gap={6}>
                      <Badge color={severityLooks[q.severity].color} size="xs" variant="light">
                        {severityLooks[q.severity].label}
                      </Badge>
                      {q.isUnverified && (
                        <Badge color="gray" size="xs" variant="outline">
                          Not yet verified by the clinic
                        </Badge>
                      )}
                    </Group>
                    {answer === true && (
                      <Text size="xs" c={severityLooks[q.severity].textColor}>
                        {q.explanation}
                      </Text>
                    )}
                  </Stack>
                  <SegmentedControl
                    data={yesNo}
                    value={answer === true ? 'yes' : answer === false ? 'no' : ''}
                    onChange={(value) =>
                      onChange({ ...draft, answers: { ...draft.answers, [q.id]: value === 'yes' } })
                    }
                    color={answer === true ? (q.severity === 'absolute' ? 'red' : 'orange') : 'teal'}
                    w={140}
                    style={{ flexShrink: 0 }}
                  />
                </Group>
              )
            })}
          </Stack>
          <MutationError
            mutation={save}
            placedFields={['episodeDurationMonths', 'severity']}
            onReload={onReload}
          />
          {save.isSuccess && (
            <Text size="sm" c="teal.8" role="status">
              Screening saved.
            </Text>
          )}
          {canWrite && (
            <Group justify="flex-end">
              <Button type="submit" loading={save.isPending}>
                Save episode and screening
              </Button>
            </Group>
          )}
        </Stack>
      </fieldset>
    </Paper>
  )
}
