import { Group, Pagination, Text } from '@mantine/core'
import { useState } from 'react'

/** Pages through a list the API sends whole (a patient's entries), ten rows at a time. */
export function useClientPages<T>(items: readonly T[], pageSize = 10) {
  const [page, setPage] = useState(1)
  const pageCount = Math.max(1, Math.ceil(items.length / pageSize))
  const current = Math.min(page, pageCount)
  const footer =
    items.length > pageSize ? (
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {items.length} entries
        </Text>
        <Pagination total={pageCount} value={current} onChange={setPage} size="sm" />
      </Group>
    ) : null
  return { rows: items.slice((current - 1) * pageSize, current * pageSize), footer }
}
