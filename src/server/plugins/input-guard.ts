import type { FastifyInstance, FastifyRequest } from 'fastify'
import { AppError, type FieldError } from '../errors'

// PostgreSQL text cannot hold the NUL character (U+0000): a NUL in any field reached the database
// and failed there as a 500 (19 endpoints, both sign-in routes among them). One hook before
// validation refuses it for every route, in the body, the query string and the path, naming the
// field, so no route can forget it. Refusing is better than stripping: a NUL in clinical text is
// never typed by a person, and silently changing what was sent would hide a broken client.

const nul = '\u0000'

/** Where in a parsed request a string (or an object key) holds NUL, as the field path the errors use. */
export function findNul(value: unknown, prefix: string[] = []): string[] | undefined {
  // Iterative, so a deeply nested body cannot overflow the stack here.
  const stack: { value: unknown; path: string[] }[] = [{ value, path: prefix }]
  while (stack.length > 0) {
    const { value: current, path } = stack.pop()!
    if (typeof current === 'string') {
      if (current.includes(nul)) return path
    } else if (current !== null && typeof current === 'object') {
      // Arrays too: their entries are keyed '0', '1', …
      for (const [key, item] of Object.entries(current)) {
        if (key.includes(nul)) return path
        stack.push({ value: item, path: [...path, key] })
      }
    }
  }
  return undefined
}

function nulField(request: FastifyRequest): FieldError | undefined {
  // Body fields are named as the form names them (`email`), the others by their place
  // (`querystring.page`), as the validation errors in plugins/errors.ts do.
  const places: [string | undefined, unknown][] = [
    [undefined, request.body],
    ['querystring', request.query],
    ['params', request.params],
  ]
  for (const [place, value] of places) {
    const path = findNul(value, place ? [place] : [])
    if (path) return { field: path.join('.') || place || 'body', message: 'must not contain a NUL character' }
  }
  return undefined
}

export function registerInputGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const field = nulField(request)
    if (field) throw new AppError('validation-failed', `Check ${field.field}.`, { fieldErrors: [field] })
  })
}
