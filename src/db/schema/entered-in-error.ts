/** Columns of every correctable clinical row: it is never deleted, only marked. */
export interface EnteredInErrorColumns {
  entered_in_error_at: Date | null
  entered_in_error_by: string | null
  error_reason: string | null
}
