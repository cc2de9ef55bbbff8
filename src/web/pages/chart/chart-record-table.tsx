import type { ReactNode } from 'react'
import { useClientPages } from '../../components/client-pages'
import { type Column, TitledTable } from '../../components/data-table'
import { struckIfInError } from '../../components/mark-in-error-button'

interface ChartRecordTableProps<T> {
  title: string
  emptyText: string
  rows: T[]
  columns: Column<T>[]
  /** Ten rows a page, with the count and the pages under the table. */
  isPaged?: boolean
  footer?: ReactNode
  minWidth?: number
}

/** A chart section of records that can be marked entered in error: struck through once they are. */
export function ChartRecordTable<T extends { id: string; enteredInError: unknown }>({
  rows,
  isPaged = false,
  footer,
  minWidth = 640,
  ...table
}: ChartRecordTableProps<T>) {
  const pages = useClientPages(rows)
  return (
    <TitledTable
      {...table}
      label={table.title}
      minWidth={minWidth}
      rows={isPaged ? pages.rows : rows}
      footer={isPaged ? pages.footer : footer}
      rowKey={(row) => row.id}
      rowStyle={struckIfInError}
    />
  )
}
