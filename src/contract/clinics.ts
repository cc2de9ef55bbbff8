import { z } from 'zod'

// A clinic's headline figures and the details patients are given.

/** A phone number as people write it: digits with spaces, dashes, dots, brackets, a leading +. */
export const clinicPhoneSchema = z
  .string()
  .trim()
  .max(40, 'must be at most 40 characters')
  .regex(/^\+?[\d\s().-]*$/, 'may hold only digits, spaces, +, -, . and brackets')
  .refine((v) => v === '' || v.replace(/\D/g, '').length >= 7, 'must have at least 7 digits')

export const clinicSummarySchema = z.object({
  clinicName: z.string(),
  timeZone: z.string(),
  counts: z.object({ users: z.number(), auditEvents: z.number() }),
})

export const clinicDetailsSchema = z.object({
  name: z.string(),
  /** The number patients are told to call (portal crisis screen, discharge sheet); null if not set. */
  phone: z.string().nullable(),
  version: z.number(),
})

export const clinicPhoneBody = z.object({ phone: clinicPhoneSchema, version: z.number().int().min(0) })
