import { fieldError as serverFieldError } from '../mutation-error'

// The server's schema messages are written for developers ("Too small: expected string to have
// >=1 characters"); beside an input a nurse reads the plain form. Anything else shows as sent.
const plain: [RegExp, string][] = [
  [/^Too small: expected string to have >=1 characters?$/, 'Required.'],
  [/^Too small: expected number to be >=1$/, 'Must be at least 1.'],
  [/^Invalid input: expected \w+, received undefined$/, 'Required.'],
  [/^Invalid input: expected number, received NaN$/, 'Enter a number.'],
  // Only witnesses sign in these forms, so "your" is the witness's.
  [/^is not your password$/, 'This is not the witness’s password. Nothing was recorded; try again.'],
  [
    /^does not match your authenticator$/,
    'This code does not match the witness’s authenticator; use the next one.',
  ],
]

/** The server's message for one field, in plain words, to show beside its input. */
export function fieldError(error: unknown, field: string): string | undefined {
  const message = serverFieldError(error, field)
  if (message === undefined) return undefined
  return plain.find(([pattern]) => pattern.test(message))?.[1] ?? message
}
