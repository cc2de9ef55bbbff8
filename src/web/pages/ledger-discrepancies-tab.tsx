import { Anchor, Badge, Button, SegmentedControl, Stack, Table, Text } from '@mantine/core'
import { type Discrepancy, useDiscrepancies } from '../api/ledger'
import type { LedgerAction } from '../components/ledger/ledger-actions'
import { formatMg, groupDigits } from '../components/ledger/ledger-format'
import { usePageFilter, usePaging } from '../components/list-footer'
import { ErrorAlert, PageLoader } from '../components/page-status'
import { PagingFooter, slicePage } from '../components/paging-footer'
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
  const { shown, ...shownPage } = slicePage(rows, paging)

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
      <Table.ScrollContainer minWidth={900}>
        <Table striped verticalSpacing="sm" aria-label="Discrepancies">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Opened</Table.Th>
              <Table.Th>Lot</Table.Th>
              <Table.Th ta="right">Expected</Table.Th>
              <Table.Th ta="right">Counted</Table.Th>
              <Table.Th ta="right">Difference</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Resolution</Table.Th>
              {canWrite && <Table.Th aria-label="Actions" />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((d) => (
              <Table.Tr key={d.id}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <TimeCell iso={d.openedAt} timeZone={timeZone} />
                </Table.Td>
                <Table.Td>
                  <Anchor
                    component="button"
                    type="button"
                    size="sm"
                    fw={600}
                    onClick={() => onOpenLot(d.lotId)}
                  >
                    {d.lotNumber}
                  </Anchor>
                </Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                  {formatMg(d.expectedMg)}
                </Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                  {formatMg(d.countedMg)}
                </Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                  <Text size="sm" fw={700} c={d.status === 'open' ? 'red.8' : undefined}>
                    {groupDigits(d.differenceMg)} mg
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Badge
                    color={d.status === 'open' ? 'red' : 'teal'}
                    variant={d.status === 'open' ? 'filled' : 'light'}
                  >
                    {d.status === 'open' ? 'Open' : 'Resolved'}
                  </Badge>
                </Table.Td>
                <Table.Td maw={300}>
                  {d.resolution ? (
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
                  )}
                </Table.Td>
                {canWrite && (
                  <Table.Td ta="right">
                    {d.status === 'open' && (
                      <Button
                        size="xs"
                        color="red"
                        variant="light"
                        onClick={() => onAction({ type: 'resolve', discrepancy: d })}
                      >
                        Resolve
                      </Button>
                    )}
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {rows.length === 0 && (
        <Text c="dimmed" ta="center" py="md">
          {status === 'open'
            ? 'No open discrepancies: every count matched or has been resolved.'
            : 'No discrepancies yet.'}
        </Text>
      )}
      <PagingFooter
        {...shownPage}
        paging={paging}
        pageSizes={pageSizes}
        noun={['discrepancy', 'discrepancies']}
      />
    </Stack>
  )
}
