// One error type for the whole server (design.md §3 rule 4) and one map from its code to HTTP.

import type { AppContext } from './context'

export const errorStatus = {
  'bad-request': 400,
  'validation-failed': 400,
  'not-signed-in': 401,
  'session-expired': 401,
  'session-locked': 401,
  'invalid-credentials': 401,
  'invalid-mfa-code': 401,
  'mfa-required': 403,
  forbidden: 403,
  'csrf-token-invalid': 403,
  'not-found': 404,
  conflict: 409,
  'stale-version': 409,
  gone: 410,
  'payload-too-large': 413,
  'account-locked': 423,
  'too-many-requests': 429,
  'not-ready': 503,
  internal: 500,
} as const

export type ErrorCode = keyof typeof errorStatus

export interface FieldError {
  field: string
  message: string
}

export class AppError extends Error {
  readonly code: ErrorCode
  readonly fieldErrors: FieldError[]
  /** Extra members for the problem body (e.g. retryAfterSec). */
  readonly extra: Record<string, unknown>
  /**
   * Work that must be committed although the request's transaction rolls back with this error
   * (a failed re-authentication's count and audit event); the clinic scope runs it afterwards.
   */
  afterRollback: ((ctx: AppContext) => Promise<void>) | undefined

  constructor(
    code: ErrorCode,
    message: string,
    options: { fieldErrors?: FieldError[]; extra?: Record<string, unknown> } = {},
  ) {
    super(message)
    this.code = code
    this.fieldErrors = options.fieldErrors ?? []
    this.extra = options.extra ?? {}
    this.afterRollback = undefined
  }

  get status(): number {
    return errorStatus[this.code]
  }
}

export const titles: Record<ErrorCode, string> = {
  'bad-request': 'Bad request',
  'validation-failed': 'Some fields are not valid',
  'not-signed-in': 'Not signed in',
  'session-expired': 'Session expired',
  'session-locked': 'Screen locked',
  'invalid-credentials': 'Wrong e-mail or password',
  'invalid-mfa-code': 'Wrong authentication code',
  'mfa-required': 'Two-factor authentication required',
  forbidden: 'Not allowed',
  'csrf-token-invalid': 'Missing or invalid CSRF token',
  'not-found': 'Not found',
  conflict: 'Conflict',
  'stale-version': 'Changed by someone else',
  gone: 'No longer available',
  'payload-too-large': 'Request too large',
  'account-locked': 'Account locked',
  'too-many-requests': 'Too many requests',
  'not-ready': 'Not ready',
  internal: 'Internal error',
}
