import { Badge, Button, Group, Paper, Radio, SimpleGrid, Stack, Text } from '@mantine/core'
import type { Answers, AnswerValue, Instrument, InstrumentItem } from '../../domain/instruments'
import { eitherOrNote } from '../lib/either-or'
import { askedItems } from '../lib/live-score'

interface InstrumentFormProps {
  instrument: Instrument
  answers: Answers
  onAnswer: (itemId: string, value: AnswerValue) => void
  /** Server problems per item (`items.<id>`). */
  itemErrors?: Record<string, string>
}

function ItemQuestion({
  item,
  number,
  value,
  onAnswer,
  error,
  note,
}: {
  item: InstrumentItem
  number: string
  value: AnswerValue | undefined
  onAnswer: (value: AnswerValue) => void
  error: string | undefined
  /** For an either/or item: which other item may be answered instead (§4 QIDS-SR16 form). */
  note: string | null
}) {
  const count = item.options.length
  // Short labels (numbers, yes/no) fit in one row even on a tablet; worded anchors wrap into 2–4 columns.
  const isShort = item.options.every((o) => o.label.length <= 14)
  const cols = isShort ? count : { base: Math.min(count, 2), sm: Math.min(count, 4) }
  const selected = value === undefined || value === null ? null : String(value)
  return (
    <Paper withBorder p="sm" radius="md" bg={selected === null ? undefined : 'gray.0'}>
      <Radio.Group
        value={selected}
        onChange={(picked) => onAnswer(item.options.find((o) => String(o.value) === picked)?.value ?? null)}
        label={`${number}. ${item.label}`}
        labelProps={{ fz: 'md', mb: note ? 0 : 'xs' }}
        description={note}
        descriptionProps={{ mb: 'xs' }}
        error={error}
      >
        <Stack gap="xs">
          <SimpleGrid cols={cols} spacing="xs">
            {item.options.map((option) => (
              <Radio.Card key={String(option.value)} value={String(option.value)} p="sm" radius="md" mih={52}>
                <Group wrap="nowrap" gap="xs">
                  <Radio.Indicator />
                  <Text size="sm">{option.label}</Text>
                </Group>
              </Radio.Card>
            ))}
          </SimpleGrid>
          {note && selected !== null && (
            <Group justify="flex-end">
              <Button variant="subtle" size="xs" color="gray" onClick={() => onAnswer(null)}>
                Clear this answer
              </Button>
            </Group>
          )}
        </Stack>
      </Radio.Group>
    </Paper>
  )
}

// Item ids end in their number (`phq9_9`); a follow-up such as `cssrs_6_recent` reads "6b".
function itemNumber(itemId: string, index: number): string {
  const match = /_(\d+)(_\w+)?$/.exec(itemId)
  if (!match) return String(index + 1)
  return `${match[1]}${match[2] ? 'b' : ''}`
}

/** A form generated from the instrument registry; skip logic decides which items are asked. */
export function InstrumentForm({ instrument, answers, onAnswer, itemErrors = {} }: InstrumentFormProps) {
  const asked = askedItems(instrument, answers)
  return (
    <Stack gap="sm">
      <Group gap="xs">
        <Badge variant="outline" color="gray">
          {instrument.respondent === 'patient' ? 'Patient answers' : 'Clinician rates'}
        </Badge>
        <Text size="sm" c="dimmed">
          {asked.length} questions
          {asked.length < instrument.items.length ? ' (others follow from the answers)' : ''}
        </Text>
      </Group>
      {asked.map((item) => (
        <ItemQuestion
          key={item.id}
          item={item}
          number={itemNumber(item.id, instrument.items.indexOf(item))}
          value={answers[item.id]}
          onAnswer={(value) => onAnswer(item.id, value)}
          error={itemErrors[`items.${item.id}`]}
          note={eitherOrNote(instrument, item)}
        />
      ))}
    </Stack>
  )
}
