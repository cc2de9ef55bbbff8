import { z } from 'zod'
import { timestamp } from './common'

// The public (no sign-in) API the /learn pages use (src/server/features/referrals): the clinics a
// self-check can go to, and the receipt of a sent self-check. The referral body itself belongs to
// the referrals contract, beside the staff intake queue that reads it.

export const publicClinicSchema = z.object({
  id: z.string(),
  name: z.string(),
  phone: z
    .string()
    .nullable()
    .describe("the clinic's phone for patients, when its administrator entered one"),
})

export const publicClinicsSchema = z.object({ items: z.array(publicClinicSchema) })

export const referralReceivedSchema = z.object({
  id: z.string(),
  receivedAt: timestamp,
  isUrgent: z.boolean(),
})
