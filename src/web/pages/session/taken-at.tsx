import { NumberInput } from '@mantine/core'

/** The time an entry was taken when charted late (minutes before now); undefined means now. */
export function takenAt(minutesAgo: number | string): string | undefined {
  const minutes = Number(minutesAgo)
  if (!Number.isFinite(minutes) || minutes <= 0) return undefined
  return new Date(Date.now() - minutes * 60_000).toISOString()
}

/** "Charted late?": how many minutes ago it happened (0 = now). */
export function MinutesAgoInput({
  value,
  onChange,
  label = 'Minutes ago',
}: {
  value: number | string
  onChange: (value: number | string) => void
  label?: string
}) {
  return (
    <NumberInput
      label={label}
      value={value}
      onChange={onChange}
      min={0}
      max={240}
      allowDecimal={false}
      allowNegative={false}
      w={130}
      size="sm"
      description={Number(value) > 0 ? 'charting late' : '0 = now'}
    />
  )
}
