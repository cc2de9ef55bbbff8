import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod'
import { DomainValidationError } from '../../domain/errors'
import { AppError, type ErrorCode, type FieldError, titles } from '../errors'
import { redactUrl } from '../log-redaction'

// RFC 9457 problem+json for every REST error: a stable `code`, a user-facing `detail`, and field
// errors a form can show beside its inputs. Internal detail goes to the log, never the client.

export function sendProblem(reply: FastifyReply, request: FastifyRequest, error: AppError): FastifyReply {
  const body: Record<string, unknown> = {
    type: `urn:ketacare:problem:${error.code}`,
    title: titles[error.code],
    status: error.status,
    detail: error.message,
    code: error.code,
    instance: redactUrl(request.url),
    ...error.extra,
  }
  if (error.fieldErrors.length > 0) body.errors = error.fieldErrors
  if (typeof error.extra.retryAfterSec === 'number')
    reply.header('retry-after', String(error.extra.retryAfterSec))
  return reply.status(error.status).type('application/problem+json').send(body)
}

/** Turns anything thrown in a request into an AppError; unknown errors become a logged 500. */
export function toAppError(error: unknown, request: FastifyRequest): AppError {
  if (error instanceof AppError) return error
  if (error instanceof DomainValidationError) {
    return new AppError('validation-failed', error.message, {
      fieldErrors: [{ field: error.field, message: error.reason }],
    })
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    // Body fields are named as the form names them (`email`); others keep their place (`query.page`).
    const context = error.validationContext === 'body' ? undefined : error.validationContext
    const fieldErrors: FieldError[] = error.validation.map((v) => ({
      field:
        [context, ...v.instancePath.split('/').filter(Boolean)].filter(Boolean).join('.') ||
        (error.validationContext ?? 'body'),
      message: v.message ?? 'is not valid',
    }))
    return new AppError('validation-failed', `Check ${fieldErrors.map((f) => f.field).join(', ')}.`, {
      fieldErrors,
    })
  }
  const pgCode = (error as { code?: unknown }).code
  if (pgCode === '23505') return new AppError('conflict', 'A record with these values already exists.')
  if (pgCode === '22P02' || pgCode === '23514' || pgCode === '22007' || pgCode === '22008') {
    return new AppError('bad-request', 'A value has the wrong form.')
  }
  const fastifyError = error as FastifyError
  if (
    typeof fastifyError.statusCode === 'number' &&
    fastifyError.statusCode >= 400 &&
    fastifyError.statusCode < 500
  ) {
    const codes: Record<number, ErrorCode> = {
      404: 'not-found',
      413: 'payload-too-large',
      429: 'too-many-requests',
    }
    return new AppError(codes[fastifyError.statusCode] ?? 'bad-request', fastifyError.message)
  }
  request.log.error({ err: error }, 'unhandled error')
  return new AppError(
    'internal',
    'Something went wrong on the server. The error was logged; please try again.',
  )
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => sendProblem(reply, request, toAppError(error, request)))
}
