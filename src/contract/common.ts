import { z } from 'zod'

// The API contract's shared pieces: request parameters, paging and the reply types every feature uses.
// Server routes and the web app both import from src/contract (design.md §3).

export const clinicParams = z.object({ clinicId: z.uuid() })

export const pageQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
})

export function paged<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number(), page: z.number(), pageSize: z.number() })
}

export const patientParams = clinicParams.extend({ patientId: z.uuid() })

// Years a person may type that PostgreSQL and JavaScript both hold: timestamptz stops at 294276 AD
// and the embedded database fails on such years with an internal error instead of a clear one, and
// year 0 does not exist in PostgreSQL's calendar. 1–9999 is also what ISO 8601 writes in four digits.
const firstYear = 1
const lastYear = 9999
const yearsMessage = `must be between the years ${firstYear} and ${lastYear}`
const inYearRange = (year: number) => year >= firstYear && year <= lastYear

/** An ISO calendar date, 'YYYY-MM-DD', that exists (and that PostgreSQL's calendar has). */
export const isoDate = z.iso.date().refine((v) => inYearRange(Number(v.slice(0, 4))), yearsMessage)

/**
 * A point in time from a request (ISO 8601 text or epoch milliseconds). Every request date goes
 * through this, so a year PostgreSQL cannot store is a 400 naming the field, not a 500.
 */
export const instant = z.coerce.date().refine((d) => inYearRange(d.getUTCFullYear()), yearsMessage)

/**
 * A point in time in a reply: a `Date` where the server builds the reply, ISO 8601 text on the wire
 * and in the web app (`Wire<…>` below). The serializer encodes it (fastify-type-provider-zod calls
 * `safeEncode`), and `/openapi.json` documents it as `string`, `format: date-time`.
 */
export const timestamp = z.codec(z.iso.datetime({ offset: true }), z.date(), {
  decode: (text) => new Date(text),
  encode: (date) => date.toISOString(),
})

/**
 * What a reply looks like on the wire and therefore to the web app: the schema's input side, where
 * every `timestamp` is a string. The server's handlers return the output side (`z.output`).
 */
export type Wire<T extends z.ZodType> = z.input<T>

/** A correction mark: the row stays, struck through, with who and why (design.md §1). */
export const enteredInErrorSchema = z
  .object({ at: timestamp, by: z.string().nullable(), reason: z.string() })
  .nullable()

export const errorReasonBody = z.object({
  reason: z.string().trim().min(3, 'say why (at least 3 characters)').max(1000),
})

/** The signer's proof of a signature: their password or a code from their authenticator app. */
export const signerProof = {
  password: z.string().min(1).max(200).optional(),
  totpCode: z
    .string()
    .trim()
    .regex(/^\d{6}$/, 'must be the 6-digit code from your authenticator app')
    .optional(),
}

/** Optional free text: empty strings become null. */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null))

/** One entry of a patient's record (a measurement, a trial, a response …), e.g. to mark it in error. */
export const entryParams = patientParams.extend({ entryId: z.uuid() })

/** The reply of a write that answers 204 with no body. */
export const noContent = z.undefined().describe('No content')

/** A PDF download's reply, documented by its content type (the body is the file, not JSON). */
export const pdfReply = {
  description: 'A PDF document',
  content: {
    'application/pdf': {
      schema: z.custom<Uint8Array>((v) => v instanceof Uint8Array).meta({ type: 'string', format: 'binary' }),
    },
  },
}
