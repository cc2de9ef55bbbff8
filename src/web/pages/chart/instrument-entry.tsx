import {
  Alert,
  Badge,
  Button,
  Grid,
  Group,
  Paper,
  Progress,
  SegmentedControl,
  Stack,
  Text,
  Title,
} from '@mantine/core'
import { useState } from 'react'
import type { Answers, AnswerValue } from '../../../domain/instruments'
import { useRecordResponse } from '../../api/assessments'
import { isApiError } from '../../api/client'
import {
  instrumentChoices,
  instrumentShortName,
  ScoreFlagAlerts,
  useLiveScore,
} from '../../components/clinical-live-score'
import { InstrumentForm } from '../../components/instrument-form'
import { MutationError } from '../../components/mutation-error'
import { intakeInstrumentIds } from '../../lib/intake-labels'

const severityColor = { urgent: 'red', warning: 'orange', info: 'blue' } as Record<string, string>

/** Pick an instrument, answer it with the score updating as you go, and save it. */
export function InstrumentEntry({ clinicId, patientId }: { clinicId: string; patientId: string }) {
  const [instrumentId, setInstrumentId] = useState<string>(intakeInstrumentIds[0])
  const [answers, setAnswers] = useState<Answers>({})
  const record = useRecordResponse(clinicId, patientId)
  const scored = useLiveScore(instrumentId, answers)
  const { instrument, live, urgent } = scored
  const otherFlags = live?.flags.filter((f) => f.severity !== 'urgent') ?? []
  const itemErrors = isApiError(record.error) ? record.error.fieldErrors : {}

  const pick = (id: string) => {
    setInstrumentId(id)
    setAnswers({})
    record.reset()
  }
  const answer = (itemId: string, value: AnswerValue) => {
    if (record.isSuccess) record.reset()
    setAnswers({ ...answers, [itemId]: value })
  }
  const save = () => {
    if (!live?.isComplete) return
    record.mutate({ instrumentId, answers: live.answersToSend }, { onSuccess: () => setAnswers({}) })
  }

  return (
    <Stack gap="md">
      <SegmentedControl
        aria-label="Instrument"
        data={instrumentChoices(intakeInstrumentIds)}
        value={instrumentId}
        onChange={pick}
        fullWidth
        size="md"
      />
      <ScoreFlagAlerts
        live={scored}
        urgent={{
          title: 'Urgent: clinician follow-up needed now',
          consequence: 'Saving records a safety alert that a clinician must acknowledge.',
        }}
        warning={{
          title: 'Warning: clinician review before discharge',
          consequence: 'Saving records a warning-level safety alert that a clinician must acknowledge.',
        }}
      />
      {record.isSuccess && (
        <Alert color="teal" variant="light" role="status" title={`${instrument.name} saved`}>
          Total {record.data.response.total}
          {record.data.response.band ? ` — ${record.data.response.band.label}` : ''}.
          {record.data.alerts.length > 0 &&
            ' A safety alert was raised: acknowledge it at the top of the chart.'}
        </Alert>
      )}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <InstrumentForm
            instrument={instrument}
            answers={answers}
            onAnswer={answer}
            itemErrors={itemErrors}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Paper withBorder p="md" radius="md" pos="sticky" top={76} aria-label="Live score">
            <Stack gap="sm">
              <Title order={3} size="h5">
                {instrument.name}
              </Title>
              {live && (
                <>
                  <Group gap="xs" align="baseline">
                    <Text fz={40} fw={700} lh={1} aria-label="Total">
                      {live.total}
                    </Text>
                    <Text c="dimmed">
                      / {instrument.totalRange.max}
                      {live.isComplete ? '' : ' so far'}
                    </Text>
                  </Group>
                  {live.band && (
                    <Badge
                      size="lg"
                      variant="light"
                      color={urgent.length ? 'red' : 'blue'}
                      style={{ minWidth: 'max-content' }}
                    >
                      {live.band.label}
                      {live.isComplete ? '' : ' (so far)'}
                    </Badge>
                  )}
                  <Progress
                    value={(live.answeredCount / live.askedCount) * 100}
                    size="sm"
                    aria-label="Answered"
                  />
                  <Text size="sm" c="dimmed">
                    {live.answeredCount} of {live.askedCount} answered
                  </Text>
                  {urgent.map((flag) => (
                    <Text key={flag.id} size="sm" c="red.8" fw={600}>
                      Urgent: {flag.message}
                    </Text>
                  ))}
                  {otherFlags.map((flag) => (
                    <Text key={flag.id} size="sm" c={severityColor[flag.severity]}>
                      {flag.message}
                    </Text>
                  ))}
                </>
              )}
              <MutationError
                error={record.error}
                placedFields={Object.keys(itemErrors).filter((f) => f.startsWith('items.'))}
              />
              <Button onClick={save} disabled={!live?.isComplete} loading={record.isPending} size="md">
                Save {instrumentShortName(instrumentId)}
              </Button>
              {Object.keys(answers).length > 0 && (
                <Button variant="subtle" color="gray" onClick={() => setAnswers({})}>
                  Clear answers
                </Button>
              )}
            </Stack>
          </Paper>
        </Grid.Col>
      </Grid>
    </Stack>
  )
}
