import { Table, type TableProps, type TableTdProps, Text } from '@mantine/core'
import type { ReactNode } from 'react'
import { type Page, pageCount } from '../api/page'
import { ListFooter } from './list-footer'

/** One column of a list: its header and how a row fills its cell. */
export interface Column<T> {
  header: ReactNode
  cell: (row: T) => ReactNode
  /** Cell props shared by every row of the column (alignment, weight, `nowrap`). */
  td?: TableTdProps
  /** Keep the cell on one line; the table scrolls sideways instead. */
  nowrap?: boolean
}

/** The list's page and page size, as `usePaging` holds them (or the URL, for bookmarkable lists). */
export interface Paging {
  page: number
  setPage: (page: number) => void
  pageSize: number
  setPageSize: (pageSize: number) => void
}

interface PagedTableProps<T> {
  label: string
  minWidth: number
  columns: Column<T>[]
  data: Page<T>
  rowKey: (row: T) => string
  /** Shown under the headers when the page has no rows (null: show nothing). */
  empty: ReactNode
  paging: Paging
  pageSizes: number[]
  /** The count's noun, singular then plural: ['user', 'users']. */
  noun: [string, string]
  table?: TableProps
}

const nowrap = { whiteSpace: 'nowrap' } as const

/**
 * The staff lists' one table shape: headers, rows, "no rows" text and the page footer. Mantine's Table
 * has no column model (and mantine-datatable does not follow Mantine 9), so the columns are ours.
 */
export function PagedTable<T>(props: PagedTableProps<T>) {
  const { label, minWidth, columns, data, rowKey, empty, paging, pageSizes, noun, table } = props
  return (
    <>
      <Table.ScrollContainer minWidth={minWidth}>
        <Table striped verticalSpacing="sm" {...table} aria-label={label}>
          <Table.Thead>
            <Table.Tr>
              {columns.map((column, index) => (
                // Headers are fixed per page; their order is their identity.
                // biome-ignore lint/suspicious/noArrayIndexKey: columns never reorder
                <Table.Th key={index}>{column.header}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.items.map((row) => (
              <Table.Tr key={rowKey(row)}>
                {columns.map((column, index) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: columns never reorder
                  <Table.Td key={index} {...column.td} style={column.nowrap ? nowrap : undefined}>
                    {column.cell(row)}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {data.items.length === 0 && empty !== null && (
        <Text c="dimmed" ta="center" py="md">
          {empty}
        </Text>
      )}
      <ListFooter
        total={data.total}
        page={paging.page}
        pageCount={pageCount(data)}
        pageSize={paging.pageSize}
        pageSizes={pageSizes}
        noun={data.total === 1 ? noun[0] : noun[1]}
        onPage={paging.setPage}
        onPageSize={paging.setPageSize}
      />
    </>
  )
}

/** A value's cell, or a dimmed word when there is none ("Never", "None", "—"). */
export function OrDimmed({ children, none }: { children: ReactNode; none: string }) {
  if (children !== null && children !== undefined && children !== false) return <>{children}</>
  return (
    <Text span size="sm" c="dimmed">
      {none}
    </Text>
  )
}
