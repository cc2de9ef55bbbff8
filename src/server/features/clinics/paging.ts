import type { SelectQueryBuilder } from 'kysely'

/** A page of a list as the API asks for it (contract/common.ts `pageQuery`). */
export interface PageRequest {
  page: number
  pageSize: number
}

/** The rows of a page: SQL's limit and offset. */
export interface PageWindow {
  limit: number
  offset: number
}

export function pageWindow(request: PageRequest): PageWindow {
  return { limit: request.pageSize, offset: (request.page - 1) * request.pageSize }
}

/** A page as the API replies with it (contract/common.ts `paged`). */
export function pageReply<T>(items: T[], total: number, request: PageRequest) {
  return { items, total, page: request.page, pageSize: request.pageSize }
}

/**
 * One page of `query`'s rows, with the count of all rows the same filter matches. `rows` picks the
 * columns and the order; the count runs on the filtered query alone, beside it.
 */
export async function selectPage<DB, TB extends keyof DB, O, R>(
  query: SelectQueryBuilder<DB, TB, O>,
  window: PageWindow,
  rows: (query: SelectQueryBuilder<DB, TB, O>) => SelectQueryBuilder<DB, TB, R>,
): Promise<{ rows: R[]; total: number }> {
  const [items, count] = await Promise.all([
    rows(query).limit(window.limit).offset(window.offset).execute(),
    // The generic selection hides the one column this adds from the result's type.
    query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow() as Promise<{
      n: string
    }>,
  ])
  return { rows: items, total: Number(count.n) }
}
