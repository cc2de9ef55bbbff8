import { DomainValidationError } from '../errors'

/** A calendar date: an ISO `YYYY-MM-DD` string, or epoch milliseconds (read as a UTC date). */
export type DateInput = string | number

const msPerDay = 86_400_000

/**
 * Whole days since 1970-01-01. Epoch ms are taken as UTC; callers that care about the clinic's
 * time zone pass the local date as a string. No clock is read here: dates are always parameters.
 */
export function toDayNumber(date: DateInput, field: string): number {
  if (typeof date === 'number') {
    if (!Number.isFinite(date)) throw new DomainValidationError(field, 'must be a finite epoch-ms number')
    return Math.floor(date / msPerDay)
  }
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  if (!match) throw new DomainValidationError(field, `"${date}" is not an ISO date (YYYY-MM-DD)`)
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const ms = Date.UTC(year, month - 1, day)
  if (new Date(ms).getUTCDate() !== day)
    throw new DomainValidationError(field, `"${date}" is not a calendar date`)
  return ms / msPerDay
}

export function toIsoDate(dayNumber: number): string {
  return new Date(dayNumber * msPerDay).toISOString().slice(0, 10)
}
