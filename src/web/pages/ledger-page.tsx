import { Badge, Button, Group, Stack, Tabs, Text, Title } from '@mantine/core'
import { useState } from 'react'
import { useSearchParams } from 'react-router'
import { useClinicSummary } from '../api/clinic'
import { type Stock, useDiscrepancies, useLossReports, useStock } from '../api/ledger'
import { hasClinicPermission, useCurrentClinic } from '../components/current-clinic'
import { CountSheet } from '../components/ledger/count-sheet'
import { type LedgerAction, LedgerActionHost } from '../components/ledger/ledger-actions'
import { ReportsPanel } from '../components/ledger/reports-panel'
import { WastesOwed } from '../components/ledger/wastes-owed'
import { ErrorAlert, PageLoader } from '../components/page-status'
import { LedgerDiscrepanciesTab } from './ledger-discrepancies-tab'
import { LedgerLogTab } from './ledger-log-tab'
import { LedgerLossReportsTab } from './ledger-loss-reports-tab'
import { LedgerLotView } from './ledger-lot-view'
import { LedgerStockTab } from './ledger-stock-tab'

/** While counting blind, the action host has no balances to offer. */
const noStock: Stock = { today: '', expiryWarningDays: 0, wasteWitnessRequired: true, lots: [], drugs: [] }

/**
 * The controlled-substance ledger (clinical-reference §8): stock on hand, counts, discrepancies,
 * loss reports, the entry log and the inspector's reports, one tab each (`?tab=`); `?lot=` opens
 * one lot's history. Members without ledger:write (the auditor) see it all, read-only.
 */
export function LedgerPage() {
  const { membership } = useCurrentClinic()
  const clinicId = membership.clinicId
  const canWrite = hasClinicPermission(membership, 'ledger:write')
  const [params, setParams] = useSearchParams()
  const [action, setAction] = useState<LedgerAction | null>(null)
  const [isCountRecorded, setCountRecorded] = useState(false)
  const discrepancies = useDiscrepancies(clinicId)
  const lossReports = useLossReports(clinicId)
  const timeZone = useClinicSummary(clinicId).data?.timeZone

  const tabs = [
    { value: 'stock', label: 'Stock on hand' },
    ...(canWrite ? [{ value: 'count', label: 'Count' }] : []),
    {
      value: 'discrepancies',
      label: 'Discrepancies',
      count: discrepancies.data?.filter((d) => d.status === 'open').length,
    },
    {
      value: 'losses',
      label: 'Loss reports',
      count: lossReports.data?.filter((r) => r.deaNoticeState !== 'done' || r.form106State !== 'done').length,
    },
    { value: 'log', label: 'Entry log' },
    { value: 'reports', label: 'Reports' },
  ]
  const tab = tabs.find((t) => t.value === params.get('tab'))?.value ?? 'stock'
  const lotId = params.get('lot')
  // A blind count: the balances are not even fetched on the count tab until the sheet is recorded.
  const isCountTab = !lotId && tab === 'count'
  const stock = useStock(clinicId, !isCountTab || isCountRecorded)
  const go = (changes: Record<string, string | null>) => {
    setCountRecorded(false)
    const next = new URLSearchParams()
    for (const [key, value] of Object.entries({ tab, ...changes })) if (value) next.set(key, value)
    setParams(next)
  }
  const openLot = (id: string) => go({ lot: id })

  // The count tab never waits for the balances (the sheet keeps its state while they load).
  if (!isCountTab && stock.isPending) return <PageLoader />
  if (stock.isError) return <ErrorAlert error={stock.error} title="Could not load the ledger" />

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Stack gap={0}>
          <Title order={1} size="h2">
            Controlled substances
          </Title>
          <Text size="sm" c="dimmed">
            Schedule III ledger · {membership.clinicName}
            {stock.data ? ` · today ${stock.data.today}` : ''}
            {canWrite ? '' : ' · read-only'}
          </Text>
        </Stack>
        {canWrite && (
          <Group gap="sm">
            <Button variant="default" color="red" onClick={() => setAction({ type: 'loss' })}>
              Report theft or loss
            </Button>
            <Button onClick={() => setAction({ type: 'receive' })}>Receive new lot</Button>
          </Group>
        )}
      </Group>

      {lotId ? (
        <LedgerLotView
          clinicId={clinicId}
          lotId={lotId}
          timeZone={timeZone}
          canWrite={canWrite}
          onBack={() => go({ lot: null })}
          onAction={setAction}
        />
      ) : (
        <Tabs value={tab} onChange={(value) => go({ tab: value })} keepMounted={false}>
          <Tabs.List>
            {tabs.map((t) => (
              <Tabs.Tab
                key={t.value}
                value={t.value}
                rightSection={
                  t.count ? (
                    <Badge size="sm" color="red" variant="filled" circle>
                      {t.count}
                    </Badge>
                  ) : undefined
                }
              >
                {t.label}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          <Tabs.Panel value="stock" pt="md">
            {canWrite && (
              <Stack mb="md">
                <WastesOwed clinicId={clinicId} />
              </Stack>
            )}
            {stock.data && (
              <LedgerStockTab
                stock={stock.data}
                canWrite={canWrite}
                onOpenLot={openLot}
                onAction={setAction}
              />
            )}
          </Tabs.Panel>
          {canWrite && (
            <Tabs.Panel value="count" pt="md">
              <CountSheet
                clinicId={clinicId}
                onRecorded={setCountRecorded}
                resolvedDiscrepancyIds={
                  new Set(discrepancies.data?.filter((d) => d.status === 'resolved').map((d) => d.id))
                }
                onResolve={(discrepancy) => setAction({ type: 'resolve', discrepancy })}
              />
            </Tabs.Panel>
          )}
          <Tabs.Panel value="discrepancies" pt="md">
            <LedgerDiscrepanciesTab
              clinicId={clinicId}
              timeZone={timeZone}
              canWrite={canWrite}
              onOpenLot={openLot}
              onAction={setAction}
            />
          </Tabs.Panel>
          <Tabs.Panel value="losses" pt="md">
            <LedgerLossReportsTab clinicId={clinicId} timeZone={timeZone} canWrite={canWrite} />
          </Tabs.Panel>
          <Tabs.Panel value="log" pt="md">
            <LedgerLogTab clinicId={clinicId} timeZone={timeZone} onOpenLot={openLot} />
          </Tabs.Panel>
          <Tabs.Panel value="reports" pt="md">
            {stock.data && <ReportsPanel clinicId={clinicId} today={stock.data.today} />}
          </Tabs.Panel>
        </Tabs>
      )}
      <LedgerActionHost
        clinicId={clinicId}
        stock={stock.data ?? noStock}
        action={action}
        onAction={setAction}
      />
    </Stack>
  )
}
