import { z } from 'zod'
import { remsInputLimits } from '../domain/rems'
import { isoDate, optionalText, timestamp } from './common'

// Esketamine REMS records' API contract (src/server/features/rems): the clinic's setting
// certification and each patient's enrolment. Writes append; the newest entry is in force.

const remsLimits = remsInputLimits

export const remsEntryBody = z.object({
  identifier: z.string().trim().min(1, 'give the REMS identifier').max(remsLimits.identifierMaxLength),
  effectiveOn: isoDate,
  correctionReason: optionalText(remsLimits.correctionReasonMaxLength),
})

export const remsEntrySchema = z.object({
  id: z.string(),
  identifier: z.string(),
  effectiveOn: z.string(),
  correctionReason: z.string().nullable(),
  recordedBy: z.string(),
  recordedAt: timestamp,
})

export const remsEntriesSchema = z.object({
  current: remsEntrySchema.nullable(),
  history: z.array(remsEntrySchema),
})
