import type { ColumnType } from 'kysely'

/** A marking column: NULL until the row is corrected, and left out of inserts (migration 023). */
type MarkingColumn<T> = ColumnType<T | null, T | null | undefined, T | null>

/** Columns of every correctable clinical row: it is never deleted, only marked. */
export interface EnteredInErrorColumns {
  entered_in_error_at: MarkingColumn<Date>
  entered_in_error_by: MarkingColumn<string>
  error_reason: MarkingColumn<string>
}
