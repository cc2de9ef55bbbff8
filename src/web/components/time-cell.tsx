import { Text } from '@mantine/core'
import { formatDateAndTime } from '../lib/time'

/** A timestamp as two short lines (date, then time) so narrow tables stay readable. */
export function TimeCell({ iso, timeZone }: { iso: string; timeZone: string | undefined }) {
  const { date, time } = formatDateAndTime(iso, timeZone)
  return (
    <>
      <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
        {date}
      </Text>
      <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
        {time}
      </Text>
    </>
  )
}
