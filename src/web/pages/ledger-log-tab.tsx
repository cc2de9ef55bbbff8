import { Group, Select, Stack, Text } from '@mantine/core'
import { type EntryKind, entryKinds, useEntries } from '../api/ledger'
import { EntriesTable } from '../components/ledger/entries-table'
import { kindLabels } from '../components/ledger/ledger-format'
import { usePageFilter, usePaging } from '../components/list-footer'
import { PagingFooter, serverPage } from '../components/paging-footer'
import { QueryStates } from '../components/staff-page'

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
  const paging = usePaging(25)
  const { page, pageSize } = paging
  const [kind, changeKind] = usePageFilter<EntryKind | null>(null, paging.setPage)
  const entries = useEntries(clinicId, { page, pageSize, kind: kind ?? undefined })
  return (
    <Stack gap="md">
      <Group>
        <Select
          label="Kind"
          placeholder="All entries"
          data={entryKinds.map((k) => ({ value: k, label: kindLabels[k] }))}
          value={kind}
          onChange={(v) => changeKind(v as EntryKind | null)}
          clearable
          w={220}
        />
      </Group>
      <QueryStates query={entries} errorTitle="Could not load entries">
        {(data) => (
          <>
            {timeZone && (
              <Text size="sm" c="dimmed">
                Times are in the clinic’s time zone, {timeZone}. Balance is the lot’s balance after the entry.
              </Text>
            )}
            <EntriesTable
              clinicId={clinicId}
              entries={data.items}
              timeZone={timeZone}
              onOpenLot={onOpenLot}
            />
            {data.items.length === 0 && (
              <Text c="dimmed" ta="center" py="md">
                No entries.
              </Text>
            )}
            <PagingFooter
              {...serverPage(data, paging)}
              paging={paging}
              pageSizes={pageSizes}
              noun={['entry', 'entries']}
            />
          </>
        )}
      </QueryStates>
    </Stack>
  )
}
