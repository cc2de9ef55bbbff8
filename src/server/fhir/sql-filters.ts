import { type Expression, type RawBuilder, type SelectQueryBuilder, type SqlBool, sql } from 'kysely'
import type { DateBound, DatePrefix, SearchRequest } from './search-params'

// Search parameters as SQL conditions on a resource's columns, so the database filters and pages
// (keyset on the row id: UUIDv7, so id order is creation order) and nothing is filtered in memory.

export type Condition = RawBuilder<SqlBool>

const never: Condition = sql<SqlBool>`false`
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

export const isUuid = (value: string): boolean => uuidPattern.test(value)

type Column = Expression<unknown>

/** `column IN (values)` over UUID columns; values that are not UUIDs match nothing (not a 500). */
export function uuidIn(column: Column, values: readonly string[]): Condition {
  const ids = values.filter(isUuid)
  if (ids.length === 0) return never
  return sql<SqlBool>`${column} IN (${sql.join(ids)})`
}

export function textIn(column: Column, values: readonly string[]): Condition {
  if (values.length === 0) return never
  return sql<SqlBool>`${column} IN (${sql.join(values)})`
}

const byPrefix: Record<DatePrefix, (column: Column, start: Date, end: Date) => Condition> = {
  eq: (c, start, end) => sql<SqlBool>`(${c} >= ${start} AND ${c} < ${end})`,
  ne: (c, start, end) => sql<SqlBool>`NOT (${c} >= ${start} AND ${c} < ${end})`,
  lt: (c, start) => sql<SqlBool>`${c} < ${start}`,
  le: (c, _start, end) => sql<SqlBool>`${c} < ${end}`,
  gt: (c, _start, end) => sql<SqlBool>`${c} >= ${end}`,
  ge: (c, start) => sql<SqlBool>`${c} >= ${start}`,
}

/** A date parameter's prefixes over the range its precision gives (R4 §3.1.1.5.8). */
export function dateConditions(column: Column, bounds: readonly DateBound[]): Condition[] {
  return bounds.map(({ prefix, start, end }) => byPrefix[prefix](column, start, end))
}

/** The columns a resource's common parameters search. */
export interface SearchColumns {
  id: Column
  lastUpdated: Column
  patient?: Column
  date?: Column
}

/**
 * The conditions of `_id`, `_lastUpdated`, `patient`/`subject` and `date`, and the keyset cursor.
 * The cursor is the row id to resume after: the last resource's id unless a row holds several
 * resources (Observation), whose source resumes at the row and drops what it already sent.
 */
export function commonConditions(
  request: SearchRequest,
  columns: SearchColumns,
  cursor = request.cursor === undefined ? undefined : { id: request.cursor, inclusive: false },
): Condition[] {
  const conditions: Condition[] = []
  if (request.ids) conditions.push(uuidIn(columns.id, request.ids))
  if (request.patients && columns.patient) conditions.push(uuidIn(columns.patient, request.patients))
  if (columns.date) conditions.push(...dateConditions(columns.date, request.date))
  conditions.push(...dateConditions(columns.lastUpdated, request.lastUpdated))
  if (cursor) {
    if (!isUuid(cursor.id)) return [never]
    conditions.push(
      cursor.inclusive
        ? sql<SqlBool>`${columns.id} >= ${cursor.id}`
        : sql<SqlBool>`${columns.id} > ${cursor.id}`,
    )
  }
  return conditions
}

/** Every condition at once (`true` when there are none). */
export function allOf(conditions: readonly Condition[]): Condition {
  if (conditions.length === 0) return sql<SqlBool>`true`
  return sql<SqlBool>`(${sql.join(conditions, sql` AND `)})`
}

/**
 * One keyset page of a source's query: the rows matching `conditions` (the cursor among them) in
 * `idColumn` order, `rows` at most (a source asks `count + 1`, so it knows whether more follow).
 * The query keeps its own `clinic_id` filter: row-level security is the fence, not the only one.
 */
export function keysetPage<DB, TB extends keyof DB, O>(
  query: SelectQueryBuilder<DB, TB, O>,
  conditions: readonly Condition[],
  rows: number,
  idColumn = 'id',
): Promise<O[]> {
  return query.where(allOf(conditions)).orderBy(sql.ref(idColumn)).limit(rows).execute()
}

/** Any of the conditions (`false` when there are none). */
export function anyOf(conditions: readonly Condition[]): Condition {
  if (conditions.length === 0) return never
  return sql<SqlBool>`(${sql.join(conditions, sql` OR `)})`
}

/** When an append-only row last changed: its marking in error, else its recording. */
export const appendOnlyLastUpdated: Expression<unknown> = sql`coalesce(entered_in_error_at, created_at)`

/**
 * A status search over an append-only row: `current` (Observation `final`, QuestionnaireResponse
 * `completed`) is a row not marked, `entered-in-error` a marked one; any other status matches none.
 */
export function markedStatusIn(statuses: readonly string[], current: string): Condition {
  return anyOf(
    statuses.flatMap((s) =>
      s === current
        ? [sql<SqlBool>`entered_in_error_at IS NULL`]
        : s === 'entered-in-error'
          ? [sql<SqlBool>`entered_in_error_at IS NOT NULL`]
          : [],
    ),
  )
}
