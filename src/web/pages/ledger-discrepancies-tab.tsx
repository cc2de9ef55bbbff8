import { Anchor, Badge, Button, SegmentedControl, Stack, Text } from '@mantine/core'
import { type Discrepancy, useDiscrepancies } from '../api/ledger'
import { type Column, figureColumn, SlicedTable, withActions } from '../components/data-table'
import type { LedgerAction } from '../components/ledger/ledger-actions'
import { formatMg, groupDigits } from '../components/ledger/ledger-format'
import { usePageFilter, usePaging } from '../components/list-footer'
import { ErrorAlert, PageLoader } from '../components/page-status'
import { TimeCell } from '../components/time-cell'

const resolutionLabels: Record<NonNullable<Discrepancy['resolution']>, string> = {
  adjustment: 'Adjustment',
  recount: 'Matching recount',
  'loss-report': 'Loss report',
}
const pageSizes = [10, 25, 50]

interface LedgerDiscrepanciesTabProps {
  clinicId: string
  timeZone: string | undefined
  canWrite: boolean
  onOpenLot: (lotId: string) => void
  onAction: (action: LedgerAction) => void
}

function discrepancyColumns({
  timeZone,
  canWrite,
  onOpenLot,
  onAction,
}: Omit<LedgerDiscrepanciesTabProps, 'clinicId'>): Column<Discrepancy>[] {
  const columns: Column<Discrepancy>[] = [
    { header: 'Opened', cell: (d) => <TimeCell iso={d.openedAt} timeZone={timeZone} />, nowrap: true },
    {
      header: 'Lot',
      cell: (d) => (
        <Anchor component="button" type="button" size="sm" fw={600} onClick={() => onOpenLot(d.lotId)}>
          {d.lotNumber}
        </Anchor>
      ),
    },
    { header: 'Expected', cell: (d) => formatMg(d.expectedMg), ...figureColumn },
    { header: 'Counted', cell: (d) => formatMg(d.countedMg), ...figureColumn },
    {
      header: 'Difference',
      cell: (d) => (
        <Text size="sm" fw={700} c={d.status === 'open' ? 'red.8' : undefined}>
          {groupDigits(d.differenceMg)} mg
        </Text>
      ),
      ...figureColumn,
    },
    {
      header: 'Status',
      cell: (d) => (
        <Badge
          color={d.status === 'open' ? 'red' : 'teal'}
          variant={d.status === 'open' ? 'filled' : 'light'}
        >
          {d.status === 'open' ? 'Open' : 'Resolved'}
        </Badge>
      ),
    },
    {
      header: 'Resolution',
      td: { maw: 300 },
      cell: (d) =>
        d.resolution ? (
          <>
            <Text size="sm">{resolutionLabels[d.resolution]}</Text>
            {d.resolutionReason && (
              <Text size="xs" c="dimmed">
                {d.resolutionReason}
              </Text>
            )}
          </>
        ) : (
          <Text size="sm" c="dimmed">
            —
          </Text>
        ),
    },
  ]
  return withActions(
    columns,
    canWrite,
    (d) =>
      d.status === 'open' && (
        <Button
          size="xs"
          color="red"
          variant="light"
          onClick={() => onAction({ type: 'resolve', discrepancy: d })}
        >
          Resolve
        </Button>
      ),
  )
}

/** Counts that differed from the balance: the open ones to resolve, and the log of all. */
export function LedgerDiscrepanciesTab({
  clinicId,
  timeZone,
  canWrite,
  onOpenLot,
  onAction,
}: LedgerDiscrepanciesTabProps) {
  const paging = usePaging(25)
  const [status, changeStatus] = usePageFilter<'open' | 'all'>('open', paging.setPage)
  const all = useDiscrepancies(clinicId)
  if (all.isPending) return <PageLoader />
  if (all.isError) return <ErrorAlert error={all.error} title="Could not load discrepancies" />
  const rows = status === 'open' ? all.data.filter((d) => d.status === 'open') : all.data

  return (
    <Stack gap="md">
      <SegmentedControl
        w="fit-content"
        aria-label="Show"
        value={status}
        onChange={(v) => changeStatus(v as typeof status)}
        data={[
          { value: 'open', label: 'To resolve' },
          { value: 'all', label: 'Discrepancy log (all)' },
        ]}
      />
      <SlicedTable
        label="Discrepancies"
        minWidth={900}
        columns={discrepancyColumns({ timeZone, canWrite, onOpenLot, onAction })}
        rows={rows}
        rowKey={(d) => d.id}
        empty={
          status === 'open'
            ? 'No open discrepancies: every count matched or has been resolved.'
            : 'No discrepancies yet.'
        }
        paging={paging}
        pageSizes={pageSizes}
        noun={['discrepancy', 'discrepancies']}
      />
    </Stack>
  )
}
