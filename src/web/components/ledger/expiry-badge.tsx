import { Badge, Group, Text } from '@mantine/core'
import type { Lot } from '../../api/ledger'
import { formatCalendarDate } from '../../lib/age'

/** The expiry date with its warning: amber when it is near, red once it has passed. */
export function ExpiryCell({ lot }: { lot: Pick<Lot, 'expiresOn' | 'expiryStatus' | 'daysToExpiry'> }) {
  return (
    <Group gap={6} wrap="nowrap">
      <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
        {formatCalendarDate(lot.expiresOn)}
      </Text>
      {lot.expiryStatus === 'expired' && (
        <Badge color="red" variant="filled" size="sm" style={{ minWidth: 'max-content' }}>
          Expired
        </Badge>
      )}
      {lot.expiryStatus === 'expiring' && (
        <Badge color="yellow" variant="filled" size="sm" c="dark" style={{ minWidth: 'max-content' }}>
          {lot.daysToExpiry === 0
            ? 'Expires today'
            : `${lot.daysToExpiry} ${lot.daysToExpiry === 1 ? 'day' : 'days'} left`}
        </Badge>
      )}
    </Group>
  )
}
