import {
  Button,
  Group,
  NumberInput,
  Paper,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import type { AnswerValue } from '../../../domain/instruments'
import {
  type AntidepressantTrialAnswer,
  maxTrials,
  safetyQuestions,
  type TrialDuration,
  trialDurations,
  yesNoUnsure,
} from '../../../domain/self-check'

/** The history and safety answers while they are being filled in ('' = not answered yet). */
export interface HistoryDraft {
  trialCount: number | ''
  trials: AntidepressantTrialAnswer[]
  therapyTried: string
  safety: Record<string, string>
}

export const emptyHistory: HistoryDraft = { trialCount: '', trials: [], therapyTried: '', safety: {} }

function ChoiceGroup({
  label,
  choices,
  value,
  onChange,
  error,
}: {
  label: string
  choices: readonly { value: string; label: string }[]
  value: string
  onChange: (value: string) => void
  error?: string | undefined
}) {
  return (
    <Radio.Group
      label={label}
      value={value || null}
      onChange={onChange}
      error={error}
      labelProps={{ fz: 'md', mb: 'xs' }}
    >
      <Group gap="md">
        {choices.map((c) => (
          <Radio key={c.value} value={c.value} label={c.label} />
        ))}
      </Group>
    </Radio.Group>
  )
}

/** A step of the history questions: the draft so far, its change, and the missing answers by field. */
interface DraftQuestionsProps {
  draft: HistoryDraft
  onChange: (draft: HistoryDraft) => void
  errors: Record<string, string>
}

export function HistoryQuestions({ draft, onChange, errors }: DraftQuestionsProps) {
  const setCount = (value: string | number) => {
    const count = value === '' ? '' : Math.max(0, Math.min(maxTrials, Math.round(Number(value) || 0)))
    const n = count === '' ? 0 : count
    const trials = Array.from(
      { length: n },
      (_, i) => draft.trials[i] ?? { name: '', duration: '' as TrialDuration },
    )
    onChange({ ...draft, trialCount: count, trials })
  }
  const setTrial = (index: number, trial: AntidepressantTrialAnswer) =>
    onChange({ ...draft, trials: draft.trials.map((t, i) => (i === index ? trial : t)) })

  return (
    <Stack gap="md">
      <NumberInput
        label="How many different antidepressant medicines have you tried?"
        description="Count each medicine once, now or in the past. Enter 0 if none."
        min={0}
        max={maxTrials}
        value={draft.trialCount}
        onChange={setCount}
        error={errors.trialCount}
        w={{ base: '100%', sm: 420 }}
        allowDecimal={false}
      />
      {draft.trials.map((trial, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: trials are numbered slots that only grow or shrink at the end
        <Paper key={`trial-${i + 1}`} withBorder p="sm" radius="md">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              label={`Antidepressant ${i + 1}: name (optional)`}
              value={trial.name}
              maxLength={100}
              onChange={(e) => setTrial(i, { ...trial, name: e.currentTarget.value })}
            />
            <Select
              label={`Antidepressant ${i + 1}: how long did you take it?`}
              data={trialDurations.map((d) => ({ value: d.value, label: d.label }))}
              value={trial.duration || null}
              onChange={(v) => setTrial(i, { ...trial, duration: (v ?? '') as TrialDuration })}
              error={errors[`trials.${i}`]}
              allowDeselect={false}
            />
          </SimpleGrid>
        </Paper>
      ))}
      <ChoiceGroup
        label="Have you tried talk therapy (for example CBT) for depression?"
        choices={yesNoUnsure}
        value={draft.therapyTried}
        onChange={(therapyTried) => onChange({ ...draft, therapyTried })}
        error={errors.therapyTried}
      />
    </Stack>
  )
}

export function SafetyQuestions({ draft, onChange, errors }: DraftQuestionsProps) {
  return (
    <Stack gap="md">
      {safetyQuestions.map((q) => (
        <ChoiceGroup
          key={q.id}
          label={q.label}
          choices={q.choices}
          value={draft.safety[q.id] ?? ''}
          onChange={(value) => onChange({ ...draft, safety: { ...draft.safety, [q.id]: value } })}
          error={errors[`safety.${q.id}`]}
        />
      ))}
    </Stack>
  )
}

/** Which answers are still missing, keyed like the inputs' `errors`. */
export function missingAnswers(
  phq9Answers: Record<string, AnswerValue>,
  phq9ItemIds: readonly string[],
  draft: HistoryDraft,
): Record<string, string> {
  const errors: Record<string, string> = {}
  for (const id of phq9ItemIds) {
    if (phq9Answers[id] === undefined || phq9Answers[id] === null)
      errors[`items.${id}`] = 'Please choose an answer.'
  }
  if (draft.trialCount === '') errors.trialCount = 'Enter a number (0 if none).'
  draft.trials.forEach((t, i) => {
    if (!t.duration) errors[`trials.${i}`] = 'Choose how long (or "Not sure").'
  })
  if (!draft.therapyTried) errors.therapyTried = 'Please choose an answer.'
  for (const q of safetyQuestions)
    if (!draft.safety[q.id]) errors[`safety.${q.id}`] = 'Please choose an answer.'
  return errors
}

export function SectionTitle({ step, title, intro }: { step: number; title: string; intro?: string }) {
  return (
    <Stack gap={2}>
      <Title order={2} size="h3">
        {step}. {title}
      </Title>
      {intro && <Text c="dark.6">{intro}</Text>}
    </Stack>
  )
}

export function SubmitRow({ onSubmit, missingCount }: { onSubmit: () => void; missingCount: number }) {
  return (
    <Group>
      <Button size="md" onClick={onSubmit}>
        See my summary
      </Button>
      {missingCount > 0 && (
        <Text size="sm" c="red.8" role="status">
          {missingCount} {missingCount === 1 ? 'question needs' : 'questions need'} an answer.
        </Text>
      )}
    </Group>
  )
}
