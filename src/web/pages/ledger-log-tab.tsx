import { Group, Select, Stack, Text } from '@mantine/core'
import { useState } from 'react'
import { type EntryKind, entryKinds, useEntries } from '../api/ledger'
import { pageCount } from '../api/page'
import { EntriesTable } from '../components/ledger/entries-table'
import { kindLabels } from '../components/ledger/ledger-format'
import { ListFooter, usePaging } from '../components/list-footer'
import { ErrorAlert, PageLoader } from '../components/page-status'

const pageSizes = [25, 50, 100]

/** Every ledger entry of the clinic, newest first, optionally of one kind. */
export function LedgerLogTab({
  clinicId,
  timeZone,
  onOpenLot,
}: {
  clinicId: string
  timeZone: string | undefined
  onOpenLot: (lotId: string) => void
}) {
  const [kind, setKind] = useState<EntryKind | null>(null)
  const { page, setPage, pageSize, setPageSize } = usePaging(25)
  const entries = useEntries(clinicId, { page, pageSize, kind: kind ?? undefined })
  return (
    <Stack gap="md">
      <Group>
        <Select
          label="Kind"
          placeholder="All entries"
          data={entryKinds.map((k) => ({ value: k, label: kindLabels[k] }))}
          value={kind}
          onChange={(v) => {
            setKind(v as EntryKind | null)
            setPage(1)
          }}
          clearable
          w={220}
        />
      </Group>
      {entries.isPending && <PageLoader />}
      {entries.isError && <ErrorAlert error={entries.error} title="Could not load entries" />}
      {entries.data && (
        <>
          {timeZone && (
            <Text size="sm" c="dimmed">
              Times are in the clinic’s time zone, {timeZone}. Balance is the lot’s balance after the entry.
            </Text>
          )}
          <EntriesTable
            clinicId={clinicId}
            entries={entries.data.items}
            timeZone={timeZone}
            onOpenLot={onOpenLot}
          />
          {entries.data.items.length === 0 && (
            <Text c="dimmed" ta="center" py="md">
              No entries.
            </Text>
          )}
          <ListFooter
            total={entries.data.total}
            page={page}
            pageCount={pageCount(entries.data)}
            pageSize={pageSize}
            pageSizes={pageSizes}
            noun={entries.data.total === 1 ? 'entry' : 'entries'}
            onPage={setPage}
            onPageSize={setPageSize}
          />
        </>
      )}
    </Stack>
  )
}
