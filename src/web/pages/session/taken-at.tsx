import { NumberInput, Text } from '@mantine/core'

/** The time an entry was taken when charted late (minutes before now); undefined means now. */
export function takenAt(minutesAgo: number | string): string | undefined {
  const minutes = Number(minutesAgo)
  if (!Number.isFinite(minutes) || minutes <= 0) return undefined
  return new Date(Date.now() - minutes * 60_000).toISOString()
}

/** "Charted late?": how many minutes ago it happened; it starts at 0, taken now, and says so. */
export function MinutesAgoInput({
  value,
  onChange,
  label = 'Minutes ago',
}: {
  value: number | string
  onChange: (value: number | string) => void
  label?: string
}) {
  const isLate = Number(value) > 0
  return (
    <NumberInput
      label={label}
      value={value}
      onChange={onChange}
      min={0}
      max={240}
      allowDecimal={false}
      allowNegative={false}
      hideControls
      w={104}
      size="sm"
      rightSection={
        <Text size="xs" c={isLate ? 'orange.8' : 'dimmed'} fw={isLate ? 700 : 400}>
          {isLate ? 'late' : 'now'}
        </Text>
      }
      rightSectionWidth={40}
      rightSectionPointerEvents="none"
      styles={{ label: { whiteSpace: 'nowrap' } }}
    />
  )
}
