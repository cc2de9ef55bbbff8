import { type Page, pageCount } from '../api/page'
import { ListFooter } from './list-footer'

/** The list's page and page size, as `usePaging` holds them (or the URL, for bookmarkable lists). */
export interface Paging {
  page: number
  setPage: (page: number) => void
  pageSize: number
  setPageSize: (pageSize: number) => void
}

/** Which page of a list is shown, and how many there are. */
export interface PageShown {
  total: number
  page: number
  pageCount: number
}

/** A page the API sent (`Page<T>`), at the page asked for. */
export function serverPage(data: Page<unknown>, paging: Paging): PageShown {
  return { total: data.total, page: paging.page, pageCount: pageCount(data) }
}

/**
 * Pages a list held in memory: the rows of the page asked for, or of the last page when the list
 * has shrunk below it (a filter changed), and what the footer shows.
 */
export function slicePage<T>(rows: readonly T[], paging: Paging): PageShown & { shown: T[] } {
  const count = Math.max(1, Math.ceil(rows.length / paging.pageSize))
  const page = Math.min(paging.page, count)
  const shown = rows.slice((page - 1) * paging.pageSize, page * paging.pageSize)
  return { total: rows.length, page, pageCount: count, shown }
}

/** `ListFooter` for a list paged with `usePaging`; `noun` is singular then plural. */
export function PagingFooter({
  total,
  page,
  pageCount,
  paging,
  pageSizes,
  noun,
}: PageShown & { paging: Paging; pageSizes: number[]; noun: [string, string] }) {
  return (
    <ListFooter
      total={total}
      page={page}
      pageCount={pageCount}
      pageSize={paging.pageSize}
      pageSizes={pageSizes}
      noun={total === 1 ? noun[0] : noun[1]}
      onPage={paging.setPage}
      onPageSize={paging.setPageSize}
    />
  )
}
