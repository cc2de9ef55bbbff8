import { DomainValidationError } from '../errors'

// Controlled-substance quantities are exact (clinical-reference §8: every milligram accounted
// for): a decimal string on the wire and in the database (`numeric`), a scaled bigint in memory.
// Six decimals covers nanograms of a milligram and hundredths of a microlitre; no float is used.

export const QUANTITY_SCALE = 6
const factor = 10n ** BigInt(QUANTITY_SCALE)
const pattern = /^(-)?(\d{1,12})(?:\.(\d{1,6}))?$/

/** An exact quantity in millionths of its unit (mg, mL or devices). */
export type Quantity = bigint & { readonly __quantity: unique symbol }

export function parseQuantity(text: string, field = 'quantity'): Quantity {
  const match = pattern.exec(text.trim())
  if (!match) {
    throw new DomainValidationError(
      field,
      `must be a decimal number with at most ${QUANTITY_SCALE} decimals, got "${text}"`,
    )
  }
  const [, sign, whole, fraction = ''] = match
  const magnitude = BigInt(whole!) * factor + BigInt(fraction.padEnd(QUANTITY_SCALE, '0'))
  return (sign ? -magnitude : magnitude) as Quantity
}

/** Canonical text: no trailing zeros, no exponent ("12.5", "0", "-0.25"). */
export function formatQuantity(q: Quantity): string {
  const negative = q < 0n
  const magnitude = negative ? -q : q
  const whole = magnitude / factor
  const fraction = (magnitude % factor).toString().padStart(QUANTITY_SCALE, '0').replace(/0+$/, '')
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`
}

export const ZERO = 0n as Quantity

export function addQuantity(a: Quantity, b: Quantity): Quantity {
  return (a + b) as Quantity
}

export function subtractQuantity(a: Quantity, b: Quantity): Quantity {
  return (a - b) as Quantity
}

export function negateQuantity(a: Quantity): Quantity {
  return -a as Quantity
}

/** mg = mL × mg/mL, exact; rounding is refused rather than hidden. */
export function multiplyQuantity(a: Quantity, b: Quantity, field = 'quantity'): Quantity {
  const product = a * b
  if (product % factor !== 0n) {
    throw new DomainValidationError(field, `the product has more than ${QUANTITY_SCALE} decimals`)
  }
  return (product / factor) as Quantity
}

/**
 * a ÷ b rounded half away from zero to the quantity scale — for showing a balance in its
 * container's units (mg → mL or devices), never for the ledger's own arithmetic.
 */
export function divideQuantity(a: Quantity, b: Quantity, field = 'quantity'): Quantity {
  if (b === 0n) throw new DomainValidationError(field, 'cannot divide by zero')
  const numerator = a * factor
  const negative = numerator < 0n !== b < 0n
  const [n, d] = [numerator < 0n ? -numerator : numerator, b < 0n ? -b : b]
  const rounded = (n + d / 2n) / d
  return (negative ? -rounded : rounded) as Quantity
}
