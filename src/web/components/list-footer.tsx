import { Group, Pagination, Select, Text } from '@mantine/core'
import { type ChangeEvent, useCallback, useState } from 'react'

/** A list's page and rows per page; choosing another page size starts again at page 1. */
export function usePaging(initialPageSize: number) {
  const [page, setPage] = useState(1)
  const [pageSize, setSize] = useState(initialPageSize)
  const setPageSize = useCallback((size: number) => {
    setSize(size)
    setPage(1)
  }, [])
  return { page, setPage, pageSize, setPageSize }
}

/**
 * A list filter (a status, a kind, a switch) as `[value, change]`: changing it goes back to page 1
 * so the first matches show.
 */
export function usePageFilter<T>(initial: T, setPage: (page: number) => void) {
  const [value, setValue] = useState(initial)
  const change = (next: T) => {
    setValue(next)
    setPage(1)
  }
  return [value, change, setValue] as const
}

/** A list filter's text (search, date): `field` spreads onto the input; `setValue` keeps the page. */
export function useListFilter(setPage: (page: number) => void) {
  const [value, change, setValue] = usePageFilter('', setPage)
  const field = {
    value,
    onChange: (event: ChangeEvent<HTMLInputElement>) => change(event.currentTarget.value),
  }
  return { value, setValue, field }
}

interface ListFooterProps {
  total: number
  page: number
  pageCount: number
  pageSize: number
  pageSizes: number[]
  noun: string
  onPage: (page: number) => void
  onPageSize: (pageSize: number) => void
}

/** "N users · rows per page · pages" under a paginated table. */
export function ListFooter(props: ListFooterProps) {
  const { total, page, pageCount, pageSize, pageSizes, noun, onPage, onPageSize } = props
  return (
    <Group justify="space-between" gap="md">
      <Group gap="md">
        <Text size="sm" c="dimmed" aria-live="polite">
          {total.toLocaleString()} {noun}
        </Text>
        <Select
          aria-label="Rows per page"
          data={pageSizes.map((size) => ({ value: String(size), label: `${size} per page` }))}
          value={String(pageSize)}
          onChange={(value) => value && onPageSize(Number(value))}
          allowDeselect={false}
          w={140}
          size="xs"
        />
      </Group>
      <Pagination
        total={pageCount}
        value={page}
        onChange={onPage}
        size="sm"
        withEdges
        getControlProps={(control) => ({ 'aria-label': `${control} page` })}
      />
    </Group>
  )
}
