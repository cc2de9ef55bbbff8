import { Anchor, Badge, Group, Paper, SimpleGrid, Stack, Switch, Table, Text } from '@mantine/core'
import type { Lot, Stock } from '../api/ledger'
import { ExpiryCell } from '../components/ledger/expiry-badge'
import { type LedgerAction, LotActionsMenu } from '../components/ledger/ledger-actions'
import { formatMg, groupDigits, unitLabel } from '../components/ledger/ledger-format'
import { usePageFilter, usePaging } from '../components/list-footer'
import { PagingFooter, slicePage } from '../components/paging-footer'

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
  const { shown, ...shownPage } = slicePage(lots, paging)

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
      <Table.ScrollContainer minWidth={900}>
        <Table striped highlightOnHover verticalSpacing="sm" aria-label="Stock on hand by lot">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Lot</Table.Th>
              <Table.Th>Drug</Table.Th>
              <Table.Th>NDC</Table.Th>
              <Table.Th>Strength</Table.Th>
              <Table.Th ta="right">Balance</Table.Th>
              <Table.Th>Expiry</Table.Th>
              <Table.Th>Discrepancies</Table.Th>
              {canWrite && <Table.Th aria-label="Actions" />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((lot) => (
              <LotRow key={lot.id} lot={lot} canWrite={canWrite} onOpenLot={onOpenLot} onAction={onAction} />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {lots.length === 0 && (
        <Text c="dimmed" ta="center" py="md">
          No stock on hand.
        </Text>
      )}
      <PagingFooter {...shownPage} paging={paging} pageSizes={pageSizes} noun={['lot', 'lots']} />
    </Stack>
  )
}

function LotRow({
  lot,
  canWrite,
  onOpenLot,
  onAction,
}: {
  lot: Lot
  canWrite: boolean
  onOpenLot: (lotId: string) => void
  onAction: (action: LedgerAction) => void
}) {
  const tint = lot.expiryStatus === 'expired' ? 'var(--mantine-color-red-0)' : undefined
  return (
    <Table.Tr style={tint ? { backgroundColor: tint } : undefined}>
      <Table.Td>
        <Anchor component="button" type="button" fw={600} onClick={() => onOpenLot(lot.id)}>
          {lot.lotNumber}
        </Anchor>
      </Table.Td>
      <Table.Td maw={260}>
        <Text size="sm">{lot.drugLabel}</Text>
        <Text size="xs" c="dimmed" lineClamp={1} title={lot.product}>
          {lot.product}
        </Text>
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{lot.ndc}</Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        {groupDigits(lot.strengthMg)} mg/{lot.unit === 'mL' ? 'mL' : 'device'}
      </Table.Td>
      <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
        <Text size="sm" fw={700}>
          {formatMg(lot.balanceMg)}
        </Text>
        <Text size="xs" c="dimmed">
          {unitLabel(lot.unit, lot.balanceUnits)}
        </Text>
      </Table.Td>
      <Table.Td>
        <ExpiryCell lot={lot} />
      </Table.Td>
      <Table.Td>
        {lot.openDiscrepancies > 0 ? (
          <Badge color="red" variant="filled">
            {lot.openDiscrepancies} open
          </Badge>
        ) : (
          <Text size="sm" c="dimmed">
            —
          </Text>
        )}
      </Table.Td>
      {canWrite && (
        <Table.Td ta="right">
          <LotActionsMenu lot={lot} onAction={onAction} />
        </Table.Td>
      )}
    </Table.Tr>
  )
}
