import { Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import type { ReactNode } from 'react'
import { useEntries, useLot } from '../api/ledger'
import { EntriesTable } from '../components/ledger/entries-table'
import { ExpiryCell } from '../components/ledger/expiry-badge'
import type { LedgerAction } from '../components/ledger/ledger-actions'
import { formatMg, groupDigits, unitLabel } from '../components/ledger/ledger-format'
import { usePaging } from '../components/list-footer'
import { ErrorAlert, PageLoader } from '../components/page-status'
import { PagingFooter, serverPage } from '../components/paging-footer'
import { formatDateTime } from '../lib/time'

const pageSizes = [25, 50, 100]

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </Stack>
  )
}

interface LedgerLotViewProps {
  clinicId: string
  lotId: string
  timeZone: string | undefined
  canWrite: boolean
  onBack: () => void
  onAction: (action: LedgerAction) => void
}

/** One lot: its receipt record, balance, and every entry with the running balance and hash. */
export function LedgerLotView({ clinicId, lotId, timeZone, canWrite, onBack, onAction }: LedgerLotViewProps) {
  const lotQuery = useLot(clinicId, lotId)
  const paging = usePaging(25)
  const { page, pageSize } = paging
  const entries = useEntries(clinicId, { page, pageSize, lotId })
  const back = (
    <Anchor component="button" type="button" size="sm" onClick={onBack} w="fit-content">
      ← All lots
    </Anchor>
  )
  if (lotQuery.isPending) return <PageLoader />
  if (lotQuery.isError)
    return (
      <Stack>
        {back}
        <ErrorAlert error={lotQuery.error} title="Could not open this lot" />
      </Stack>
    )
  const lot = lotQuery.data.lot
  const isEmpty = lot.balanceMg === '0'
  const act = (kind: 'waste' | 'breakage' | 'return' | 'transfer') => () =>
    onAction({ type: 'movement', kind, lot })

  return (
    <Stack gap="md">
      {back}
      <Paper withBorder p="md" radius="md">
        <Stack gap="md">
          <Group justify="space-between" align="flex-start">
            <Stack gap={2}>
              <Group gap="sm">
                <Title order={2} size="h3">
                  Lot {lot.lotNumber}
                </Title>
                {lot.openDiscrepancies > 0 && (
                  <Badge color="red">
                    {lot.openDiscrepancies} open{' '}
                    {lot.openDiscrepancies === 1 ? 'discrepancy' : 'discrepancies'}
                  </Badge>
                )}
              </Group>
              <Text size="sm">
                {lot.drugLabel} · {lot.product}
              </Text>
            </Stack>
            <Stack gap={0} align="flex-end">
              <Text fw={700} size="xl">
                {formatMg(lot.balanceMg)}
              </Text>
              <Text size="sm" c="dimmed">
                {unitLabel(lot.unit, lot.balanceUnits)} on hand
              </Text>
            </Stack>
          </Group>
          <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
            <Fact label="NDC">{lot.ndc}</Fact>
            <Fact label="Strength">
              {groupDigits(lot.strengthMg)} mg/{lot.unit === 'mL' ? 'mL' : 'device'} ·{' '}
              {unitLabel(lot.unit, lot.unitsPerContainer)} per container
            </Fact>
            <Fact label="Expiry">
              <ExpiryCell lot={lot} />
            </Fact>
            <Fact label="Containers">
              {lot.containerNumbers.length > 0 ? lot.containerNumbers.join(', ') : 'not numbered'}
            </Fact>
            <Fact label="Supplier">
              {lot.supplierName} · DEA {lot.supplierDea}
              <Text size="xs" c="dimmed">
                {lot.supplierAddress}
              </Text>
            </Fact>
            <Fact label="First invoice">{lot.invoiceNumber}</Fact>
            <Fact label="Received">{formatDateTime(lot.receivedAt, timeZone)}</Fact>
          </SimpleGrid>
          {canWrite && (
            <Group gap="sm">
              <Button size="sm" variant="light" disabled={isEmpty} onClick={act('waste')}>
                Waste
              </Button>
              <Button size="sm" variant="light" color="orange" disabled={isEmpty} onClick={act('breakage')}>
                Breakage or spill
              </Button>
              <Button size="sm" variant="light" color="cyan" disabled={isEmpty} onClick={act('return')}>
                Return
              </Button>
              <Button size="sm" variant="light" color="cyan" disabled={isEmpty} onClick={act('transfer')}>
                Transfer
              </Button>
              <Button size="sm" variant="default" onClick={() => onAction({ type: 'receive', lot })}>
                Receive more
              </Button>
            </Group>
          )}
        </Stack>
      </Paper>
      {entries.isError && <ErrorAlert error={entries.error} title="Could not load the entries" />}
      {entries.data && (
        <>
          <EntriesTable clinicId={clinicId} entries={entries.data.items} timeZone={timeZone} lot={lot} />
          <PagingFooter
            {...serverPage(entries.data, paging)}
            paging={paging}
            pageSizes={pageSizes}
            noun={['entry', 'entries']}
          />
        </>
      )}
    </Stack>
  )
}
