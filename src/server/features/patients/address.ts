import { AppError } from '../../errors'

// Clinical-reference §8 (21 CFR 1304.22(c)): each administration record names the patient and
// their address. Registration asks for a US postal address in parts so the log is always complete.

export const addressParts = ['addressStreet', 'addressCity', 'addressState', 'addressPostalCode'] as const
export type AddressPart = (typeof addressParts)[number]
export type Address = Record<AddressPart, string>

/** The one line the administration log prints: "12 Elm Row, Springfield, OH 45501". */
export function addressLine(a: Address): string {
  return `${a.addressStreet}, ${a.addressCity}, ${a.addressState} ${a.addressPostalCode}`
}

/**
 * The address an edit leaves: parts not sent keep their value, a part sent empty is refused
 * (an address is never removed, only corrected), and a patient registered before the parts
 * existed gets all four or none. Null when the edit touches no part.
 */
export function mergeAddress(
  current: Record<AddressPart, string | null>,
  input: Partial<Record<AddressPart, string | null | undefined>>,
): Address | null {
  const sent = addressParts.filter((p) => input[p] !== undefined)
  if (sent.length === 0) return null
  const hasAny = addressParts.some((p) => current[p]) || sent.some((p) => input[p])
  if (!hasAny) return null
  const merged = Object.fromEntries(
    addressParts.map((p) => [p, input[p] !== undefined ? (input[p] ?? null) : current[p]]),
  ) as Record<AddressPart, string | null>
  const missing = addressParts.filter((p) => !merged[p])
  if (missing.length > 0)
    throw new AppError('validation-failed', 'The address needs a street, city, state and ZIP code.', {
      fieldErrors: missing.map((field) => ({ field, message: 'is required' })),
    })
  return merged as Address
}
