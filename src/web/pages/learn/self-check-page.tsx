import { Alert, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core'
import { useState } from 'react'
import { type AnswerValue, phq9 } from '../../../domain/instruments'
import { type SelfCheckAnswers, type SelfCheckSummary, summarizeSelfCheck } from '../../../domain/self-check'
import { InstrumentForm } from '../../components/instrument-form'
import { SelfCheckSummaryView } from '../../components/self-check-summary'
import { scoreLive } from '../../lib/live-score'
import { CrisisResources } from './crisis-resources'
import {
  emptyHistory,
  type HistoryDraft,
  HistoryQuestions,
  missingAnswers,
  SafetyQuestions,
  SectionTitle,
  SubmitRow,
} from './self-check-form'
import { SendReferral } from './send-referral'

// The public self-check (design.md §1 "Ask"). Everything stays in this page's memory: nothing is
// stored or sent unless the person chooses to send it to a clinic.

function toAnswers(phq9Answers: Record<string, AnswerValue>, draft: HistoryDraft): SelfCheckAnswers {
  return {
    phq9: Object.fromEntries(phq9.items.map((item) => [item.id, Number(phq9Answers[item.id])])),
    antidepressantTrials: draft.trials.map((t) => ({ name: t.name.trim(), duration: t.duration })),
    therapyTried: draft.therapyTried as SelfCheckAnswers['therapyTried'],
    safety: draft.safety as unknown as SelfCheckAnswers['safety'],
  }
}

export function SelfCheckPage() {
  const [phq9Answers, setPhq9Answers] = useState<Record<string, AnswerValue>>({})
  const [history, setHistory] = useState<HistoryDraft>(emptyHistory)
  const [hasTriedSubmit, setHasTriedSubmit] = useState(false)
  const [result, setResult] = useState<{
    answers: SelfCheckAnswers
    summary: SelfCheckSummary
    at: Date
  } | null>(null)
  const live = scoreLive(phq9, phq9Answers)
  const hasSelfHarmThoughts = Number(phq9Answers.phq9_9 ?? 0) > 0
  const missing = missingAnswers(
    phq9Answers,
    phq9.items.map((i) => i.id),
    history,
  )
  const shownErrors = hasTriedSubmit ? missing : {}

  const submit = () => {
    setHasTriedSubmit(true)
    if (Object.keys(missing).length > 0) return
    const answers = toAnswers(phq9Answers, history)
    setResult({ answers, summary: summarizeSelfCheck(answers), at: new Date() })
    window.scrollTo({ top: 0 })
  }

  if (result) {
    return (
      <Stack gap="lg">
        {result.summary.hasSelfHarmThoughts && <CrisisResources id="crisis-summary" />}
        <Group justify="space-between" className="no-print">
          <Title order={1}>Your summary</Title>
          <Group gap="sm">
            <Button variant="default" onClick={() => setResult(null)}>
              Change my answers
            </Button>
            <Button onClick={() => window.print()}>Print</Button>
          </Group>
        </Group>
        <Text className="no-print">
          Print this page, or show it on your phone at your next visit. Talk it over with your provider. Only
          they can tell if a treatment, ketamine or any other, is right for you.
        </Text>
        <SelfCheckSummaryView summary={result.summary} completedAt={result.at} />
        <SendReferral answers={result.answers} isUrgent={result.summary.hasSelfHarmThoughts} />
      </Stack>
    )
  }

  return (
    <Stack gap="xl">
      {hasSelfHarmThoughts && <CrisisResources id="crisis-top" />}
      <Stack gap="sm">
        <Title order={1}>Self-check: bring your answers to a provider</Title>
        <Text size="lg">
          It takes about five minutes. At the end you get a summary of your answers to print or show to a
          doctor. It is not a test you can pass or fail. It does not tell you if a treatment is right for you.
        </Text>
        <Alert variant="light" color="teal" title="Your answers stay on this device">
          Nothing is saved or sent while you answer. At the end, you can choose to send the summary to a
          clinic, so they can get in touch with you. You do this only if you want to.
        </Alert>
      </Stack>

      <Stack gap="md" component="section" aria-labelledby="phq9-title">
        <Group justify="space-between" align="flex-end">
          <Title order={2} size="h3" id="phq9-title">
            1. How you have been feeling (PHQ-9)
          </Title>
          {live && (
            <Badge size="lg" variant="light" color="gray" aria-live="polite" data-testid="live-phq9">
              Score so far: {live.total} of 27
            </Badge>
          )}
        </Group>
        <Text c="dark.6">
          Over the last 2 weeks, how often have you been bothered by each of the following?
        </Text>
        <InstrumentForm
          instrument={phq9}
          answers={phq9Answers}
          onAnswer={(id, value) => setPhq9Answers((a) => ({ ...a, [id]: value }))}
          itemErrors={shownErrors}
        />
        {hasSelfHarmThoughts && (
          <Paper withBorder p="sm" radius="md" bg="red.0" role="status">
            <Text fw={500}>
              Thank you for telling us. If you are in danger, call or text 988, or call 911, now. The help box
              is at the top of this page.
            </Text>
          </Paper>
        )}
      </Stack>

      <Stack gap="md" component="section" aria-labelledby="history-title">
        <div id="history-title">
          <SectionTitle step={2} title="Treatment so far" />
        </div>
        <HistoryQuestions draft={history} onChange={setHistory} errors={shownErrors} />
      </Stack>

      <Stack gap="md" component="section" aria-labelledby="safety-title">
        <div id="safety-title">
          <SectionTitle
            step={3}
            title="Health and safety"
            intro="Some health problems make ketamine less safe. Your answers help a provider know what to ask about."
          />
        </div>
        <SafetyQuestions draft={history} onChange={setHistory} errors={shownErrors} />
      </Stack>

      <SubmitRow onSubmit={submit} missingCount={hasTriedSubmit ? Object.keys(missing).length : 0} />
    </Stack>
  )
}
