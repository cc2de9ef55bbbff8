import { z } from 'zod'
import { instant, pageQuery, timestamp } from './common'

// The audit trail as a clinic's administrator reads it.

/** Any JSON value, named so /openapi.json holds its (recursive) schema once under components. */
const jsonValue = z.json().meta({ id: 'JsonValue' })

export const auditOutcomeSchema = z.enum(['success', 'denied', 'failure'])

export const auditEventSchema = z.object({
  id: z.string(),
  at: timestamp,
  actorEmail: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  outcome: auditOutcomeSchema,
  ip: z.string().nullable(),
  detail: z
    .record(z.string(), jsonValue)
    .nullable()
    .describe('Structured context of the event (reason, changed fields …), as the server recorded it'),
})

export const auditQuery = pageQuery.extend({
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  actor: z.string().trim().max(320).optional(),
  action: z.string().trim().max(100).optional(),
  entity: z.string().trim().max(100).optional(),
  from: instant.optional(),
  to: instant.optional(),
})
