// The unlock PIN (issue 14): 4 to 8 digits that unlock only their owner's own locked sign-in on
// the device that signed in, with the account's lockout behind them. The few PINs anyone tries
// first (one digit repeated, a straight run up or down) are refused.

export const pinRules = { minLength: 4, maxLength: 8 } as const

/** Why a PIN cannot be used, or null when it can. */
export function pinProblem(pin: string): string | null {
  if (!/^\d+$/.test(pin)) return 'must be digits only'
  if (pin.length < pinRules.minLength || pin.length > pinRules.maxLength)
    return `must be ${pinRules.minLength} to ${pinRules.maxLength} digits`
  if (/^(\d)\1+$/.test(pin)) return 'must not be one digit repeated'
  const steps = new Set(Array.from(pin.slice(1), (d, i) => (Number(d) - Number(pin[i]) + 10) % 10))
  if (steps.size === 1 && (steps.has(1) || steps.has(9))) return 'must not be a run such as 1234 or 4321'
  return null
}

/** A staff or portal password: long rather than complex (NIST SP 800-63B §5.1.1.2). */
export const passwordRules = { minLength: 12, maxLength: 200 } as const
