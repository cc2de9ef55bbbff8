/** The envelope every paginated list endpoint answers with. */
export interface Page<T> {
  items: T[]
  total: number
  page: number
  pageSize: number
}

/** What a searchable list asks for: one page of the rows that match `q`. */
export interface PageQuery {
  page: number
  pageSize: number
  q: string
}

export function pageCount(page: Page<unknown> | undefined): number {
  if (!page || page.pageSize <= 0) return 1
  return Math.max(1, Math.ceil(page.total / page.pageSize))
}
