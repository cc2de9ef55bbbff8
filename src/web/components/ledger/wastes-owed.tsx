import { Alert, Anchor, List, Text } from '@mantine/core'
import { Link } from 'react-router'
import { useWastesOwed } from '../../api/ledger'
import { clinicPath } from '../../clinic-path'
import { formatMg } from './ledger-format'

const stateWords: Record<string, string> = {
  aborted: 'aborted',
  cancelled: 'cancelled',
  dosing: 'pump stopped',
  monitoring: 'in monitoring',
  'ready-for-discharge': 'ready for discharge',
}

/**
 * Doses drawn and not given whose witnessed waste is still owed, each linking to its session (where
 * the waste is recorded). An aborted session has no discharge to hold it, so it is listed here.
 */
export function WastesOwed({ clinicId }: { clinicId: string }) {
  const owed = useWastesOwed(clinicId, true)
  if (!owed.data?.length) return null
  return (
    <Alert color="orange" variant="light" title="Waste owed" role="region" aria-label="Waste owed">
      <Text size="sm" mb={4}>
        Drawn for a session and not given: waste it with a witness from the session page.
      </Text>
      <List size="sm" spacing={4}>
        {owed.data.map((w) => (
          <List.Item key={w.sessionId}>
            <Anchor component={Link} to={clinicPath(clinicId, `sessions/${w.sessionId}`)}>
              {w.patientName}
            </Anchor>{' '}
            ({stateWords[w.sessionState] ?? w.sessionState}):{' '}
            {w.lots.map((l) => `${formatMg(l.owedMg)} of lot ${l.lotNumber}`).join(', ')}
          </List.Item>
        ))}
      </List>
    </Alert>
  )
}
