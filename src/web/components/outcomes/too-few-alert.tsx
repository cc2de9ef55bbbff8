import { Alert, Text } from '@mantine/core'
import type { OutcomeDashboard } from '../../api/outcomes'
import { minReadableN } from './outcome-measures'

/** A card's own small-denominator note; none when the page already says the whole cohort is too small. */
export function TooFew({ data, n, what }: { data: OutcomeDashboard; n: number; what: string }) {
  if (data.cohort.patients < minReadableN) return null
  return (
    <Alert color="orange" variant="light" p="xs">
      <Text size="sm">
        Only {n} {what}: too few to read (fewer than {minReadableN}). The figures are shown faded and their
        intervals are wide.
      </Text>
    </Alert>
  )
}
