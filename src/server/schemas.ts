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
