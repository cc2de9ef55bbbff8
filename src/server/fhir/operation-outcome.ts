import type { OperationOutcome } from '@medplum/fhirtypes'
import type { FastifyReply } from 'fastify'
import type { AppError, ErrorCode } from '../errors'

// The server's one error type (AppError) as FHIR's OperationOutcome: the same code picks the HTTP
// status (errors.ts) and here the issue type (R4 IssueType value set), so /fhir routes answer in
// FHIR and /api routes in problem+json from the same errors.

type IssueType = NonNullable<OperationOutcome['issue']>[number]['code']

const issueTypeOf: Record<ErrorCode, IssueType> = {
  'bad-request': 'invalid',
  'validation-failed': 'invalid',
  'not-signed-in': 'login',
  'session-expired': 'login',
  'session-locked': 'login',
  'invalid-credentials': 'login',
  'invalid-mfa-code': 'login',
  'mfa-required': 'login',
  forbidden: 'forbidden',
  'csrf-token-invalid': 'security',
  'not-found': 'not-found',
  conflict: 'conflict',
  'stale-version': 'conflict',
  gone: 'deleted',
  'payload-too-large': 'too-costly',
  'account-locked': 'lock-error',
  'too-many-requests': 'throttled',
  'not-ready': 'transient',
  internal: 'exception',
}

export const fhirJson = 'application/fhir+json; charset=utf-8'

/** An AppError as an OperationOutcome: one issue per field error, else one for the error. */
export function toOperationOutcome(error: AppError): OperationOutcome {
  const code = issueTypeOf[error.code]
  const issue: OperationOutcome['issue'] =
    error.fieldErrors.length > 0
      ? error.fieldErrors.map((f) => ({
          severity: 'error',
          code,
          diagnostics: `${f.field}: ${f.message}`,
          details: { text: error.message },
        }))
      : [{ severity: 'error', code, diagnostics: error.message, details: { text: error.message } }]
  return { resourceType: 'OperationOutcome', issue }
}

export function sendOperationOutcome(reply: FastifyReply, error: AppError): FastifyReply {
  if (typeof error.extra.retryAfterSec === 'number')
    reply.header('retry-after', String(error.extra.retryAfterSec))
  return reply.status(error.status).type(fhirJson).send(toOperationOutcome(error))
}
