import { Badge, Button, Group, SegmentedControl, Text } from '@mantine/core'
import { useState } from 'react'
import type { Answers, AnswerValue, InstrumentId } from '../../../domain/instruments'
import { ClinicalCard } from '../../components/clinical-card'
import {
  instrumentChoices,
  instrumentShortName,
  ScoreFlagAlerts,
  useLiveScore,
} from '../../components/clinical-live-score'
import { InstrumentForm } from '../../components/instrument-form'
import { type SectionProps, writePath } from './section-props'

/**
 * An instrument during the session (C-SSRS and PHQ-9 before the dose; CADSS, Aldrete after),
 * scored live with the registry and queued in the outbox like any other charting.
 */
export function ScoreEntry({
  clinicId,
  sessionId,
  outbox,
  instrumentIds,
  context,
  title,
  isCollapsed = false,
}: SectionProps & {
  instrumentIds: readonly InstrumentId[]
  context: 'pre' | 'post'
  title: string
  /** Long instruments (CADSS has 27 items) open only when the nurse picks one. */
  isCollapsed?: boolean
}) {
  const [isOpen, setIsOpen] = useState(!isCollapsed)
  const [instrumentId, setInstrumentId] = useState<InstrumentId>(instrumentIds[0]!)
  const [answers, setAnswers] = useState<Answers>({})
  const [queued, setQueued] = useState<string | null>(null)
  const scored = useLiveScore(instrumentId, answers)
  const { live, instrument, urgent } = scored
  const name = instrumentShortName(instrumentId)

  const save = () => {
    if (!live?.isComplete) return
    const label = `${name} ${live.total}${live.band ? ` (${live.band.label})` : ''}`
    outbox.enqueue({
      sessionId,
      kind: 'score',
      path: writePath(clinicId, sessionId, '/scores'),
      body: { instrumentId, answers: live.answersToSend, context },
      label,
    })
    setQueued(label)
    setAnswers({})
    if (isCollapsed) setIsOpen(false)
  }

  if (!isOpen)
    return (
      <ClinicalCard label={title} title={title}>
        {queued && (
          <Text size="sm" c="teal.8" role="status">
            {queued} queued.
          </Text>
        )}
        <Group gap="sm">
          {instrumentIds.map((id) => (
            <Button
              key={id}
              variant="light"
              size="md"
              onClick={() => {
                setInstrumentId(id)
                setAnswers({})
                setIsOpen(true)
              }}
            >
              Record {instrumentShortName(id)}
            </Button>
          ))}
        </Group>
      </ClinicalCard>
    )
  return (
    <ClinicalCard
      label={title}
      title={title}
      aside={
        instrumentIds.length > 1 && (
          <SegmentedControl
            aria-label="Instrument"
            value={instrumentId}
            onChange={(id) => {
              setInstrumentId(id as InstrumentId)
              setAnswers({})
              setQueued(null)
            }}
            data={instrumentChoices(instrumentIds)}
          />
        )
      }
    >
      <ScoreFlagAlerts
        live={scored}
        urgent={{ title: 'Urgent: clinician follow-up now' }}
        warning={{
          title: 'Warning: review before discharge',
          consequence: 'Saving opens a safety alert a clinician acknowledges with a note.',
        }}
      />
      <InstrumentForm
        instrument={instrument}
        answers={answers}
        onAnswer={(itemId: string, value: AnswerValue) => {
          setQueued(null)
          setAnswers({ ...answers, [itemId]: value })
        }}
      />
      <Group justify="space-between" wrap="wrap">
        <Group gap="xs">
          {live && (
            <Badge size="lg" variant="light" color={urgent.length ? 'red' : 'blue'}>
              {name} {live.total}
              {live.isComplete ? '' : ' so far'}
              {live.band ? ` · ${live.band.label}` : ''}
            </Badge>
          )}
          <Text size="sm" c={queued ? 'teal.8' : 'dimmed'} role="status">
            {queued
              ? `${queued} queued.`
              : `${live?.answeredCount ?? 0} of ${live?.askedCount ?? 0} answered`}
          </Text>
        </Group>
        <Group gap="xs">
          {isCollapsed && (
            <Button variant="default" size="md" onClick={() => setIsOpen(false)}>
              Close
            </Button>
          )}
          <Button onClick={save} disabled={!live?.isComplete} size="md">
            Save {name}
          </Button>
        </Group>
      </Group>
    </ClinicalCard>
  )
}
