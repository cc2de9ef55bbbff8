import { describeLimit, inputLimits, isWithinLimit, type LimitedInput } from '../domain/dosing'
import { numberOption, UsageError } from './command'

/**
 * A numeric option checked against the domain's hard input limits (issue 12): impossible input
 * exits 2 with a message naming the option and the allowed range, before any arithmetic.
 */
export function limitedOption(
  value: string | undefined,
  name: string,
  limit: LimitedInput,
  fallback?: number,
): number {
  const n = numberOption(value, name, fallback)
  if (!isWithinLimit(n, inputLimits[limit])) {
    throw new UsageError(`--${name} ${describeLimit(inputLimits[limit])}, got "${value}"`)
  }
  return n
}
