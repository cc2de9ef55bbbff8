import { Button, Group, Progress, Radio, Stack, Text, Title } from '@mantine/core'
import { useEffect, useRef } from 'react'
import type { AnswerValue, InstrumentItem } from '../../../domain/instruments'
import { questionsLeftText } from './survey-flow'

interface SurveyQuestionProps {
  item: InstrumentItem
  index: number
  count: number
  stem: string
  value: AnswerValue | undefined
  /** Words for an either/or question (QIDS-SR16 6/7, 8/9): which one to answer. */
  note?: string | null
  /** An either/or question the patient may leave blank: Next reads "Skip" until answered. */
  canSkip?: boolean
  /** `byPointer`: a tap or click (moves on by itself); keys only select, so arrows never skip ahead. */
  onAnswer: (value: AnswerValue, byPointer: boolean) => void
  onBack: () => void
  onNext: () => void
}

/** One question per screen: big answer cards, where we are, back and next. */
export function SurveyQuestion({
  item,
  index,
  count,
  stem,
  value,
  note = null,
  canSkip = false,
  onAnswer,
  onBack,
  onNext,
}: SurveyQuestionProps) {
  const headingRef = useRef<HTMLHeadingElement>(null)
  const lastClickWasPointer = useRef(false)
  // A new question takes the focus, so a screen reader reads it and Tab starts at its answers.
  useEffect(() => {
    if (index > 0) headingRef.current?.focus()
  }, [index])
  const selected = value === undefined || value === null ? null : String(value)
  const isAnswered = selected !== null
  return (
    <Stack gap="md">
      <Stack gap={6}>
        <Group justify="space-between" align="baseline" gap="xs">
          <Title order={2} size="h4" ref={headingRef} tabIndex={-1} className="portal-question-title">
            Question {index + 1} of {count}
          </Title>
          <Text size="sm" fw={600} data-testid="questions-left">
            {questionsLeftText(count - index - 1)}
          </Text>
        </Group>
        <Progress
          value={((index + (isAnswered ? 1 : 0)) / count) * 100}
          size="md"
          color="teal.9"
          aria-label={`Question ${index + 1} of ${count}`}
        />
      </Stack>
      <Text>{stem}</Text>
      {note && (
        <Text fw={600} c="teal.9">
          {note}
        </Text>
      )}
      <Radio.Group
        value={selected}
        onChange={(picked) => {
          const option = item.options.find((o) => String(o.value) === picked)
          if (option) onAnswer(option.value, lastClickWasPointer.current)
        }}
        label={item.label}
        labelProps={{ fz: 'xl', fw: 700, mb: 'md' }}
      >
        <Stack gap="sm">
          {item.options.map((option) => (
            <Radio.Card
              key={String(option.value)}
              value={String(option.value)}
              className="portal-answer"
              p="md"
              radius="md"
              onClick={(event) => {
                lastClickWasPointer.current = event.detail > 0
              }}
            >
              <Group wrap="nowrap" gap="md">
                <Radio.Indicator size="md" />
                <Text fz="lg">{option.label}</Text>
              </Group>
            </Radio.Card>
          ))}
        </Stack>
      </Radio.Group>
      <Group justify="space-between" mt="sm">
        <Button variant="default" size="lg" onClick={onBack} disabled={index === 0}>
          Back
        </Button>
        <Button size="lg" onClick={onNext} disabled={!isAnswered && !canSkip}>
          {!isAnswered && canSkip ? 'Skip' : index + 1 === count ? 'Review' : 'Next'}
        </Button>
      </Group>
    </Stack>
  )
}
