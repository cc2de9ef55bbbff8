import { Button, Group, Paper, Stack, Text, Title, UnstyledButton } from '@mantine/core'
import {
  type Answers,
  type Instrument,
  type InstrumentItem,
  isItemOptional,
} from '../../../domain/instruments'
import { answerLabel } from './survey-flow'

interface SurveyReviewProps {
  instrument: Instrument
  items: readonly InstrumentItem[]
  answers: Answers
  onChange: (index: number) => void
  onSubmit: () => void
  isSubmitting: boolean
  /** Items the server says still need an answer (`items.<id>`). */
  itemErrors: Record<string, string>
}

/** The last screen: every answer at a glance, each one changeable, then send. */
export function SurveyReview({
  instrument,
  items,
  answers,
  onChange,
  onSubmit,
  isSubmitting,
  itemErrors,
}: SurveyReviewProps) {
  return (
    <Stack gap="md">
      <Title order={2} size="h3">
        Check your answers
      </Title>
      <Text>Tap an answer to change it. When you are happy with them, send them to your clinic.</Text>
      <Stack gap="xs">
        {items.map((item, index) => {
          const label = answerLabel(item, answers)
          // A skipped either/or question whose pair is answered (QIDS-SR16 6/7, 8/9; §4 form).
          const isSkipped = label === null && isItemOptional(instrument, item.id, answers)
          const shown = label ?? (isSkipped ? 'Skipped — you answered the other question of this pair' : null)
          const error = itemErrors[`items.${item.id}`]
          return (
            <Paper key={item.id} withBorder radius="md" p={0}>
              <UnstyledButton
                onClick={() => onChange(index)}
                p="sm"
                w="100%"
                aria-label={`Change question ${index + 1}: ${item.label}. Your answer: ${shown ?? 'not answered'}`}
              >
                <Group justify="space-between" wrap="nowrap" gap="sm">
                  <Stack gap={2}>
                    <Text size="sm">
                      {index + 1}. {item.label}
                    </Text>
                    <Text fw={label ? 700 : 400} c={shown ? undefined : 'red.9'}>
                      {shown ?? 'Not answered yet'}
                    </Text>
                    {error && (
                      <Text size="sm" c="red.9">
                        {error}
                      </Text>
                    )}
                  </Stack>
                  <Text c="teal.9" fw={600} style={{ flexShrink: 0 }}>
                    Change
                  </Text>
                </Group>
              </UnstyledButton>
            </Paper>
          )
        })}
      </Stack>
      <Button size="lg" fullWidth onClick={onSubmit} loading={isSubmitting}>
        Send my answers
      </Button>
    </Stack>
  )
}
