import { Button, Group, Paper, Stack, Text, Title, UnstyledButton } from '@mantine/core'
import type { Answers, InstrumentItem } from '../../../domain/instruments'
import { answerLabel } from './survey-flow'

interface SurveyReviewProps {
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
          const error = itemErrors[`items.${item.id}`]
          return (
            <Paper key={item.id} withBorder radius="md" p={0}>
              <UnstyledButton
                onClick={() => onChange(index)}
                p="sm"
                w="100%"
                aria-label={`Change question ${index + 1}: ${item.label}. Your answer: ${label ?? 'not answered'}`}
              >
                <Group justify="space-between" wrap="nowrap" gap="sm">
                  <Stack gap={2}>
                    <Text size="sm">
                      {index + 1}. {item.label}
                    </Text>
                    <Text fw={700} c={label ? undefined : 'red.9'}>
                      {label ?? 'Not answered yet'}
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
