import { Anchor, Badge, Group, Paper, SimpleGrid, Stack, Switch, Text } from '@mantine/core'
import type { Lot, Stock } from '../api/ledger'
import { type Column, figureColumn, SlicedTable, withActions } from '../components/data-table'
import { ExpiryCell } from '../components/ledger/expiry-badge'
import { type LedgerAction, LotActionsMenu } from '../components/ledger/ledger-actions'
import { formatMg, groupDigits, unitLabel } from '../components/ledger/ledger-format'
import { usePageFilter, usePaging } from '../components/list-footer'

const pageSizes = [10, 25, 50]

function DrugTotals({ stock }: { stock: Stock }) {
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
      {stock.drugs.map((d) => {
        const lots = stock.lots.filter((l) => l.drug === d.drug && l.balanceMg !== '0')
        const expired = lots.filter((l) => l.expiryStatus === 'expired').length
        const expiring = lots.filter((l) => l.expiryStatus === 'expiring').length
        return (
          <Paper
            key={d.drug}
            withBorder
            p="sm"
            radius="md"
            aria-label={`Total ${d.drugLabel}`}
            component="section"
          >
            <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
              {d.drugLabel}
            </Text>
            <Text fw={700} size="xl">
              {formatMg(d.balanceMg)}
            </Text>
            <Group gap={6}>
              <Text size="sm" c="dimmed">
                {d.lotsInStock} {d.lotsInStock === 1 ? 'lot' : 'lots'} in stock
              </Text>
              {expiring > 0 && (
                <Badge color="yellow" c="dark" size="sm">
                  {expiring} expiring
                </Badge>
              )}
              {expired > 0 && (
                <Badge color="red" size="sm">
                  {expired} expired
                </Badge>
              )}
            </Group>
          </Paper>
        )
      })}
    </SimpleGrid>
  )
}

function lotColumns(
  canWrite: boolean,
  onOpenLot: (lotId: string) => void,
  onAction: (action: LedgerAction) => void,
): Column<Lot>[] {
  const columns: Column<Lot>[] = [
    {
      header: 'Lot',
      cell: (lot) => (
        <Anchor component="button" type="button" fw={600} onClick={() => onOpenLot(lot.id)}>
          {lot.lotNumber}
        </Anchor>
      ),
    },
    {
      header: 'Drug',
      td: { maw: 260 },
      cell: (lot) => (
        <>
          <Text size="sm">{lot.drugLabel}</Text>
          <Text size="xs" c="dimmed" lineClamp={1} title={lot.product}>
            {lot.product}
          </Text>
        </>
      ),
    },
    { header: 'NDC', cell: (lot) => lot.ndc, nowrap: true },
    {
      header: 'Strength',
      cell: (lot) => `${groupDigits(lot.strengthMg)} mg/${lot.unit === 'mL' ? 'mL' : 'device'}`,
      nowrap: true,
    },
    {
      header: 'Balance',
      cell: (lot) => (
        <>
          <Text size="sm" fw={700}>
            {formatMg(lot.balanceMg)}
          </Text>
          <Text size="xs" c="dimmed">
            {unitLabel(lot.unit, lot.balanceUnits)}
          </Text>
        </>
      ),
      ...figureColumn,
    },
    { header: 'Expiry', cell: (lot) => <ExpiryCell lot={lot} /> },
    {
      header: 'Discrepancies',
      cell: (lot) =>
        lot.openDiscrepancies > 0 ? (
          <Badge color="red" variant="filled">
            {lot.openDiscrepancies} open
          </Badge>
        ) : (
          <Text size="sm" c="dimmed">
            —
          </Text>
        ),
    },
  ]
  return withActions(columns, canWrite, (lot) => <LotActionsMenu lot={lot} onAction={onAction} />)
}

interface LedgerStockTabProps {
  stock: Stock
  canWrite: boolean
  onOpenLot: (lotId: string) => void
  onAction: (action: LedgerAction) => void
}

/** Stock on hand by lot, soonest expiry first, with totals per drug. */
export function LedgerStockTab({ stock, canWrite, onOpenLot, onAction }: LedgerStockTabProps) {
  const paging = usePaging(25)
  const [isShowingEmpty, changeShowingEmpty] = usePageFilter(false, paging.setPage)
  const lots = stock.lots
    .filter((l) => isShowingEmpty || l.balanceMg !== '0')
    .sort((a, b) => a.drug.localeCompare(b.drug) || a.expiresOn.localeCompare(b.expiresOn))

  return (
    <Stack gap="md">
      <DrugTotals stock={stock} />
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          Lots expiring within {stock.expiryWarningDays} days are marked amber; expired lots red.
        </Text>
        <Switch
          label="Show empty lots"
          checked={isShowingEmpty}
          onChange={(e) => changeShowingEmpty(e.currentTarget.checked)}
        />
      </Group>
      <SlicedTable
        label="Stock on hand by lot"
        minWidth={900}
        look="links"
        columns={lotColumns(canWrite, onOpenLot, onAction)}
        rows={lots}
        rowKey={(lot) => lot.id}
        rowStyle={(lot) =>
          lot.expiryStatus === 'expired' ? { backgroundColor: 'var(--mantine-color-red-0)' } : undefined
        }
        empty="No stock on hand."
        paging={paging}
        pageSizes={pageSizes}
        noun={['lot', 'lots']}
      />
    </Stack>
  )
}
