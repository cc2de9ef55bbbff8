import { z } from 'zod'
import { pageQuery, timestamp } from './common'

// The e-mail outbox (reminders, portal invitations) as the clinic sees it.

export const outboxStatusSchema = z.enum(['queued', 'sending', 'sent', 'held', 'failed'])

export const outboxMessageSchema = z.object({
  id: z.string(),
  kind: z.string(),
  recipient: z.string(),
  subject: z.string(),
  body: z.string(),
  status: outboxStatusSchema,
  attempts: z.number(),
  nextAttemptAt: timestamp,
  lastError: z.string().nullable(),
  createdAt: timestamp,
  sentAt: timestamp.nullable(),
})

export const outboxQuery = pageQuery.extend({ status: outboxStatusSchema.optional() })
