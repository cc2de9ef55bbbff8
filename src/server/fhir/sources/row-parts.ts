import type { SearchRequest } from '../search-params'
import { type Condition, commonConditions, type SearchColumns } from '../sql-filters'

// Types whose resources come from several rows or tables (Observation, Provenance): a resource's
// id is its row's UUID and a suffix (`<row id>-hr`), so id order is row order and a page is merged
// from each table's next rows. The cursor resumes at its row (inclusive) and the merge drops what
// the previous page already sent.

export const rowIdOf = (id: string) => id.slice(0, 36)
export const suffixOf = (id: string) => (id[36] === '-' ? id.slice(37) : undefined)

/** `_id`, `_lastUpdated`, patient, date and the cursor on one table's rows. */
export function rowConditions(request: SearchRequest, columns: SearchColumns): Condition[] {
  return commonConditions(
    { ...request, ids: request.ids?.map(rowIdOf) },
    columns,
    request.cursor === undefined ? undefined : { id: rowIdOf(request.cursor), inclusive: true },
  )
}

/** Rows to fetch per table: the row at the cursor may have nothing left to send. */
export const rowsPerPart = (request: SearchRequest) => Math.max(request.count + 2, request.ids?.length ?? 0)

/** The page from every table's resources: after the cursor, the asked ids, in id order, count + 1. */
export function mergePage<R extends { id?: string }>(request: SearchRequest, resources: R[]): R[] {
  return resources
    .filter((r) => request.cursor === undefined || r.id! > request.cursor)
    .filter((r) => !request.ids || request.ids.includes(r.id!))
    .sort((a, b) => (a.id! < b.id! ? -1 : 1))
    .slice(0, request.count + 1)
}
