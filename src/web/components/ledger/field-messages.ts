import { fieldError as serverFieldError } from '../mutation-error'

// The server words field messages for the field ("is required", "must be a number"); beside an
// input they read better as a sentence. Anything else shows as sent.
const plain: [RegExp, string][] = [
  [/^is required$/, 'Required.'],
  [/^must be a number$/, 'Enter a number.'],
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
