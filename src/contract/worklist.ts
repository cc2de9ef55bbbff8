import { z } from 'zod'
import { timestamp } from './common'

// The caller's worklist: what their role has to do in the clinic, each item with a link.

/** The sections in the order a worklist shows them. */
export const sectionIds = [
  'safety',
  'to-sign',
  'today',
  'rems-forms',
  'referrals',
  'arrivals',
  'to-book',
  'registration',
  'accounts',
  'clinic-setup',
  'ledger',
  'integrity',
] as const

export type SectionId = (typeof sectionIds)[number]

export const urgencySchema = z.enum(['urgent', 'soon', 'routine', 'ok'])

export const worklistItemSchema = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  subject: z.string().nullable(),
  detail: z.string().nullable(),
  at: timestamp.nullable(),
  urgency: urgencySchema,
  link: z.string().describe("Where the item is done, relative to the clinic's pages"),
  patientId: z.string().nullable(),
})

export const worklistSectionSchema = z.object({
  id: z.string(),
  title: z.string(),
  emptyText: z.string(),
  items: z.array(worklistItemSchema),
  total: z.number(),
})

export const worklistSchema = z.object({
  role: z.string(),
  date: z.string(),
  timeZone: z.string(),
  generatedAt: timestamp,
  sections: z.array(worklistSectionSchema),
})

export const worklistQuery = z.object({
  section: z.enum(sectionIds).optional().describe('Only this section (the board asks for "safety")'),
})
