import {
  Stack,
  Table,
  type TableProps,
  type TableTdProps,
  type TableThProps,
  Text,
  Title,
} from '@mantine/core'
import type { CSSProperties, ReactNode } from 'react'
import type { Page } from '../api/page'
import { type PageShown, type Paging, PagingFooter, serverPage, slicePage } from './paging-footer'
import { QueryStates, type QueryStatesProps } from './staff-page'

/** One column of a list: its header and how a row fills its cell. */
export interface Column<T> {
  header: ReactNode
  cell: (row: T) => ReactNode
  /** Cell props shared by every row of the column (alignment, weight, `nowrap`). */
  td?: TableTdProps
  /** Header cell props (alignment over a right-aligned column). */
  th?: TableThProps
  /** Keep the cell on one line; the table scrolls sideways instead. */
  nowrap?: boolean
}

/** A column of figures: right-aligned under a right-aligned header, kept on one line. */
/** A badge in a table cell keeps its whole word when the columns are narrow (a tablet). */
export const noShrink = { minWidth: 'max-content' } as const

export const figureColumn = { td: { ta: 'right' }, th: { ta: 'right' }, nowrap: true } as const

/** The columns, and for someone who may act on the rows a last column of actions, right-aligned. */
export function withActions<T>(
  columns: Column<T>[],
  canAct: boolean,
  cell: (row: T) => ReactNode,
): Column<T>[] {
  if (!canAct) return columns
  return [...columns, { header: null, th: { 'aria-label': 'Actions' }, td: { ta: 'right' }, cell }]
}

interface DataTableProps<T> {
  label: string
  minWidth: number
  columns: Column<T>[]
  rows: T[]
  rowKey: (row: T) => string
  /** A row's style, e.g. struck through once it is marked entered in error. */
  rowStyle?: (row: T) => CSSProperties | undefined
  /** A row spanning the table when there are no rows ("No sessions booked yet."). */
  emptyRow?: ReactNode
  table?: TableProps
}

const nowrap = { whiteSpace: 'nowrap' } as const

/**
 * The staff tables' one shape: headers and rows from a column list. Mantine's Table has no column
 * model (and mantine-datatable does not follow Mantine 9), so the columns are ours.
 */
export function DataTable<T>(props: DataTableProps<T>) {
  const { label, minWidth, columns, rows, rowKey, rowStyle, emptyRow, table } = props
  return (
    <Table.ScrollContainer minWidth={minWidth}>
      <Table verticalSpacing="xs" {...table} aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            {columns.map((column, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a table's columns never reorder
              <Table.Th key={index} {...column.th}>
                {column.header}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={rowKey(row)} style={rowStyle?.(row)}>
              {columns.map((column, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a table's columns never reorder
                <Table.Td key={index} {...column.td} style={column.nowrap ? nowrap : undefined}>
                  {column.cell(row)}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
          {rows.length === 0 && emptyRow && (
            <Table.Tr>
              <Table.Td colSpan={columns.length}>
                <Text size="sm" c="dimmed">
                  {emptyRow}
                </Text>
              </Table.Td>
            </Table.Tr>
          )}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}

interface TitledTableProps<T> extends DataTableProps<T> {
  title: string
  /** The sentence shown instead of the table when there are no rows ("No scores recorded."). */
  emptyText: string
  /** Under the table: a page footer, a note. */
  footer?: ReactNode
}

/**
 * A chart section: its heading, then its content (a table, cards) or the sentence saying there is
 * nothing yet.
 */
export function ChartSection({
  title,
  emptyText,
  isEmpty,
  gap,
  children,
}: {
  title: string
  emptyText: string
  isEmpty: boolean
  gap: 'xs' | 'sm' | 'md'
  children: ReactNode
}) {
  return (
    <Stack gap={gap}>
      <Title order={2} size="h4">
        {title}
      </Title>
      {isEmpty && (
        <Text size="sm" c="dimmed">
          {emptyText}
        </Text>
      )}
      {children}
    </Stack>
  )
}

/** A chart section of one table. */
export function TitledTable<T>({ title, emptyText, footer, ...table }: TitledTableProps<T>) {
  const isEmpty = table.rows.length === 0
  return (
    <ChartSection title={title} emptyText={emptyText} isEmpty={isEmpty} gap="sm">
      {!isEmpty && <DataTable {...table} />}
      {footer}
    </ChartSection>
  )
}

/**
 * How a paged list reads: `links` for rows that each open something (a row lights up under the
 * pointer), `log` for a record of events in dense small print.
 */
const listLooks = {
  links: { highlightOnHover: true },
  log: { verticalSpacing: 'xs', fz: 'sm' },
} as const satisfies Record<string, TableProps>

interface PagedTableProps<T> extends Omit<DataTableProps<T>, 'rows' | 'table'> {
  look?: keyof typeof listLooks
  /** Shown under the headers when the page has no rows (null: show nothing). */
  empty: ReactNode
  paging: Paging
  pageSizes: number[]
  /** The count's noun, singular then plural: ['user', 'users']. */
  noun: [string, string]
}

/** One page of a list: the table, "no rows" text and the page footer. */
function TablePage<T>({
  rows,
  shown,
  empty,
  paging,
  pageSizes,
  noun,
  look,
  ...table
}: PagedTableProps<T> & { rows: T[]; shown: PageShown }) {
  return (
    <>
      <DataTable
        {...table}
        table={{ striped: true, verticalSpacing: 'sm', ...(look && listLooks[look]) }}
        rows={rows}
      />
      {rows.length === 0 && empty !== null && (
        <Text c="dimmed" ta="center" py="md">
          {empty}
        </Text>
      )}
      <PagingFooter {...shown} paging={paging} pageSizes={pageSizes} noun={noun} />
    </>
  )
}

/** A list the API pages: the page it sent. */
export function PagedTable<T>({ data, ...props }: PagedTableProps<T> & { data: Page<T> }) {
  return <TablePage {...props} rows={data.items} shown={serverPage(data, props.paging)} />
}

/** A list the API pages, as its query stands: a loader, the problem (`errorTitle`), or the page. */
export function PagedQueryTable<T>({
  query,
  errorTitle,
  ...props
}: PagedTableProps<T> & { query: QueryStatesProps<Page<T>>['query']; errorTitle: string }) {
  return (
    <QueryStates query={query} errorTitle={errorTitle}>
      {(data) => <PagedTable {...props} data={data} />}
    </QueryStates>
  )
}

/** A list held whole in memory, paged here. */
export function SlicedTable<T>({ rows, ...props }: PagedTableProps<T> & { rows: readonly T[] }) {
  const { shown, ...page } = slicePage(rows, props.paging)
  return <TablePage {...props} rows={shown} shown={page} />
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
