import { z } from 'zod'

// Request pieces shared by every feature's routes.

export const clinicParams = z.object({ clinicId: z.uuid() })

export const pageQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
})

export function paged<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number(), page: z.number(), pageSize: z.number() })
}

export const patientParams = clinicParams.extend({ patientId: z.uuid() })

/** An ISO calendar date, 'YYYY-MM-DD', that exists. */
export const isoDate = z.iso.date()

export const enteredInErrorSchema = z
  .object({ at: z.date(), by: z.string().nullable(), reason: z.string() })
  .nullable()

export const errorReasonBody = z.object({
  reason: z.string().trim().min(3, 'say why (at least 3 characters)').max(1000),
})

/** Optional free text: empty strings become null. */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null))
