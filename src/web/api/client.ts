// Typed fetch wrapper for /api/v1: JSON in and out, the CSRF header on writes, and RFC 9457
// problem+json turned into one ApiError the pages can show (detail + per-field messages).

const API_BASE = '/api/v1'
const WRITE_METHODS = new Set(['POST', 'PATCH', 'PUT', 'DELETE'])
const SESSION_ENDED_CODES = new Set(['session-expired', 'not-signed-in'])

export interface FieldError {
  field: string
  message: string
}

interface ProblemBody {
  type?: string
  title?: string
  status?: number
  detail?: string
  code?: string
  errors?: FieldError[]
  retryAfterSec?: number
  [extra: string]: unknown
}

export class ApiError extends Error {
  readonly status: number
  readonly code: string
  readonly detail: string
  readonly fieldErrors: Record<string, string>
  /** Seconds until a locked account or a throttled client may try again, when the server says. */
  readonly retryAfterSec: number | null
  /** The whole problem body, for members a feature adds (`duplicateOf`, `blockers`). */
  readonly problem: Readonly<Record<string, unknown>>

  constructor(status: number, body: ProblemBody, retryAfterHeader: string | null) {
    const detail = body.detail ?? body.title ?? `The server answered ${status}.`
    super(detail)
    this.name = 'ApiError'
    this.status = status
    this.code = body.code ?? `http-${status}`
    this.detail = detail
    this.fieldErrors = Object.fromEntries((body.errors ?? []).map((e) => [e.field, e.message]))
    const headerSec = retryAfterHeader === null ? Number.NaN : Number(retryAfterHeader)
    this.retryAfterSec = body.retryAfterSec ?? (Number.isFinite(headerSec) ? headerSec : null)
    this.problem = body
  }
}

export function isApiError(error: unknown, code?: string): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code)
}

/** Why the user was sent to the sign-in page: a session that ended, or none to begin with. */
export type SessionEndReason = 'session-ended' | 'not-signed-in'

let csrfToken: string | null = null
let hadSession = false
let onSessionEnd: (reason: SessionEndReason) => void = () => {}
let onSessionLocked: (user: LockedUser) => void = () => {}

/** Whose sign-in a 401 `session-locked` names: the lock screen shows it, nothing else. */
export interface LockedUser {
  id: string
  displayName: string
}

/** Every login/MFA/me reply carries the token that later writes must echo. */
export function rememberCsrfToken(token: string | undefined): void {
  if (token) csrfToken = token
}

/** Marks that a signed-in session existed, so a later 401 reads as "your session ended". */
export function markSignedIn(): void {
  hadSession = true
}

export function forgetSession(): void {
  csrfToken = null
  hadSession = false
}

export function setSessionEndHandler(handler: (reason: SessionEndReason) => void): void {
  onSessionEnd = handler
}

/** A 401 `session-locked` shows the lock screen over the page instead of leaving it (issue 14). */
export function setSessionLockHandler(handler: (user: LockedUser) => void): void {
  onSessionLocked = handler
}

/** The sign-in is gone (a 401, or the probe answering `signed-out`): leave for the sign-in page. */
export function reportSessionEnd(code: string): void {
  const reason: SessionEndReason =
    hadSession || code === 'session-expired' ? 'session-ended' : 'not-signed-in'
  forgetSession()
  onSessionEnd(reason)
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'
  body?: unknown
  query?: Record<string, string | number | undefined | null>
  signal?: AbortSignal
  /** Extra request headers, such as an `Idempotency-Key` that makes a resend safe. */
  headers?: Record<string, string>
}

export async function apiFetch<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET'
  const headers: Record<string, string> = {
    accept: 'application/json, application/problem+json',
    ...options.headers,
  }
  if (options.body !== undefined) headers['content-type'] = 'application/json'
  if (WRITE_METHODS.has(method) && csrfToken) headers['x-csrf-token'] = csrfToken

  const response = await fetch(buildUrl(path, options.query), {
    method,
    headers,
    credentials: 'same-origin',
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    signal: options.signal,
  })

  if (!response.ok) {
    const error = new ApiError(
      response.status,
      await readProblem(response),
      response.headers.get('retry-after'),
    )
    if (response.status === 401 && SESSION_ENDED_CODES.has(error.code)) reportSessionEnd(error.code)
    if (response.status === 401 && error.code === 'session-locked') {
      const user = error.problem.user as LockedUser | undefined
      if (user) onSessionLocked(user)
    }
    throw error
  }
  if (response.status === 204) return undefined as T
  return (await response.json()) as T
}

function buildUrl(path: string, query: RequestOptions['query']): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value))
  }
  const search = params.toString()
  return `${API_BASE}${path}${search ? `?${search}` : ''}`
}

async function readProblem(response: Response): Promise<ProblemBody> {
  try {
    const body: unknown = await response.json()
    return typeof body === 'object' && body !== null ? (body as ProblemBody) : {}
  } catch {
    return { title: response.statusText || 'Request failed' }
  }
}
