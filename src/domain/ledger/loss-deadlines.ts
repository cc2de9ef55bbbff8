import { toDayNumber, toIsoDate } from '../dosing/dates'

// Theft or significant loss of a controlled substance (clinical-reference §8, 21 CFR 1301.76(b)):
// written notice to the DEA Field Division within one business day of discovery, and DEA Form 106
// within 45 days. Business days here skip Saturdays and Sundays only; federal holidays are not
// modelled, so the notice date is never later than the true deadline.

export const FORM_106_DAYS = 45

export interface LossDeadlines {
  /** Last calendar date for the written notice to the DEA Field Division. */
  deaNoticeDueOn: string
  /** Last calendar date to file DEA Form 106. */
  form106DueOn: string
}

/** Deadlines from the local calendar date of discovery ('YYYY-MM-DD' in the clinic's time zone). */
export function lossReportDeadlines(discoveredOn: string): LossDeadlines {
  const day = toDayNumber(discoveredOn, 'discoveredOn')
  return { deaNoticeDueOn: toIsoDate(addBusinessDays(day, 1)), form106DueOn: toIsoDate(day + FORM_106_DAYS) }
}

/** Day number `count` business days (Mon–Fri) after `day`. */
export function addBusinessDays(day: number, count: number): number {
  let result = day
  let left = count
  while (left > 0) {
    result++
    if (!isWeekend(result)) left--
  }
  return result
}

function isWeekend(day: number): boolean {
  // Day 0 (1970-01-01) was a Thursday.
  const weekday = (day + 4) % 7
  return weekday === 0 || weekday === 6
}

export type DeadlineState = 'done' | 'due' | 'overdue'

/** Whether a deadline was met, is still open, or has passed (as of the local date `today`). */
export function deadlineState(dueOn: string, doneAt: string | null, today: string): DeadlineState {
  if (doneAt) return 'done'
  return today > dueOn ? 'overdue' : 'due'
}
